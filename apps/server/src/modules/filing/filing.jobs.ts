import type { Db } from '../../db/client.ts';
import { recordAudit, systemSubject } from '../../platform/audit/audit.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import { addCalendarDays } from '../../platform/calendar/working-calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { type NotificationInsert, notify } from '../notification/index.ts';
import { filingRepository } from './filing.repository.ts';
import { periodsOf } from './requirement-context.ts';
import { requirementRepository } from './requirement.repository.ts';

/** Overdue periods older than this are not reminded again after a long outage (each is reminded once anyway). */
const OVERDUE_LOOKBACK_DAYS = 60;

export const REMINDER_INTERVAL_MS = 10 * 60_000;

/**
 * The reminder sweep: for every period without a filing from an expected unit, a notification to the
 * unit's accounts N working days before the due date (N per requirement, default 3) and one when it is
 * overdue. Idempotent: each (user, requirement, period, kind) has one dedupe key, so running the sweep
 * twice — or two at once — sends nothing twice.
 */
export async function runFilingReminders(ctx: { db: Db; clock: Clock }): Promise<{ at: string; today: string; created: number }> {
  const { db, clock } = ctx;
  const now = clock.now();
  const today = todayInChina(now);
  const cal = await getCalendar(db);
  const lookback = addCalendarDays(today, -OVERDUE_LOOKBACK_DAYS);
  const rows: NotificationInsert[] = [];
  const usersOf = new Map<number, { id: number }[]>();

  for (const req of await requirementRepository.all(db)) {
    const due = periodsOf(req, cal).filter(
      (p) =>
        p.dueDate >= req.issuedOn &&
        (today > p.dueDate ? p.dueDate >= lookback : cal.workingDaysBetween(today, p.dueDate) <= req.remindDaysBefore),
    );
    if (due.length === 0) continue;
    const targets = await requirementRepository.targetsOf(db, [req.id]);
    const filed = new Set((await filingRepository.ofRequirements(db, [req.id])).map((f) => `${f.periodKey}|${f.targetId}`));
    for (const p of due) {
      const overdue = today > p.dueDate;
      const kind = overdue ? 'filing_overdue' : 'filing_due_soon';
      const when = overdue
        ? `已于${p.dueDate}到期，逾期 ${cal.workingDaysBetween(p.dueDate, today)} 个工作日，请尽快报送`
        : `将于${p.dueDate}到期（${cal.describeDeadline(p.dueDate, today).label}），请按时报送`;
      for (const t of targets) {
        if (filed.has(`${p.key}|${t.id}`)) continue;
        let users = usersOf.get(t.id);
        if (!users) {
          users = await requirementRepository.responsibleUsers(db, t);
          usersOf.set(t.id, users);
        }
        for (const u of users) {
          rows.push({
            userId: u.id,
            kind,
            title: `${overdue ? '【已逾期】' : '【报送提醒】'}${req.title}`,
            body: `${t.name}：${req.recurrence === 'once' ? '' : `${p.label}的`}报送${when}。`,
            entityType: 'filing_requirement',
            entityId: String(req.id),
            link: `/filing-requirements/${req.id}?period=${encodeURIComponent(p.key)}`,
            dedupeKey: `${kind}:${u.id}:${req.id}:${p.key}`,
            createdAt: now,
          });
        }
      }
    }
  }

  const created = await db.transaction(async (tx) => {
    const sent = await notify(tx, rows);
    if (sent.length) {
      await recordAudit(tx, systemSubject('filing-reminders'), now, {
        action: 'filing.reminders_sent',
        entityType: 'notification',
        after: { today, count: sent.length, ids: sent.map((n) => n.id) },
      });
    }
    return sent.length;
  });
  return { at: now.toISOString(), today, created };
}
