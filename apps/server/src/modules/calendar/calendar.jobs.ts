import type { Db } from '../../db/client.ts';
import { recordAudit, systemSubject } from '../../platform/audit/audit.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { notify } from '../notification/index.ts';
import { activeAdmins } from '../user/index.ts';

/**
 * From this month-day on, next year's holidays should be known: the State Council's notice usually
 * comes out in late October or November, and deadlines counted in working days start crossing into
 * the new year in December.
 */
export const CALENDAR_NOTICE_FROM = '11-01';

/**
 * Tells every admin, ahead of the new year, that next year's holidays are not entered yet (issue 10 §3):
 * until then, dates counted in working days into that year are refused. One notice per admin per year
 * (dedupe key), so the sweep may run every 10 minutes.
 */
export async function runCalendarReminders(ctx: { db: Db; clock: Clock }): Promise<{ at: string; today: string; created: number }> {
  const now = ctx.clock.now();
  const today = todayInChina(now);
  const next = Number(today.slice(0, 4)) + 1;
  const cal = await getCalendar(ctx.db);
  if (today.slice(5) < CALENDAR_NOTICE_FROM || cal.isYearCovered(next)) return { at: now.toISOString(), today, created: 0 };
  const admins = await activeAdmins(ctx.db);
  const created = await ctx.db.transaction(async (tx) => {
    const sent = await notify(
      tx,
      admins.map((u) => ({
        userId: u.id,
        kind: 'calendar_year_missing',
        title: `【请录入${next}年节假日安排】`,
        body: `系统尚无${next}年的法定节假日和调休安排，按工作日计算的期限（报送截止、公示期等）涉及${next}年时将无法计算。请在国务院办公厅通知发布后，于“节假日设置”中录入${next}年的安排。`,
        entityType: 'calendar_year',
        entityId: String(next),
        link: '/settings/holidays',
        dedupeKey: `calendar_year_missing:${u.id}:${next}`,
        createdAt: now,
      })),
    );
    if (sent.length) {
      await recordAudit(tx, systemSubject('calendar-reminders'), now, {
        action: 'calendar.reminders_sent',
        entityType: 'notification',
        after: { year: next, count: sent.length, ids: sent.map((n) => n.id) },
      });
    }
    return sent.length;
  });
  return { at: now.toISOString(), today, created };
}
