import type { Db } from '../../db/client.ts';
import { recordAudit, systemSubject } from '../../platform/audit/audit.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { type NotificationInsert, notify } from '../notification/index.ts';
import { exitTaskReminderRepository as repo } from './exit-task-reminder.repository.ts';

/**
 * Working days before the dismantling deadline when the "due soon" notice goes out. The filing reminders
 * take theirs per requirement (remind_days_before, default 3); a sealed line has no such setting of its
 * own, so it uses the same default.
 */
export const DISMANTLE_REMIND_DAYS_BEFORE = 3;

/**
 * The dismantling-deadline sweep: for every sealed task, a notice to the group office of the enterprise's
 * county and the township staff of its township when the deadline is N working days away or nearer, and
 * one when it has passed (overdue = still sealed after the deadline's Beijing date). Idempotent: each
 * (kind, user, task, deadline) has one dedupe key, so running the sweep twice — or two at once — sends
 * nothing twice; a task that has moved on from sealed is not selected at all.
 */
export async function runExitTaskReminders(
  ctx: { db: Db; clock: Clock },
  remindDaysBefore = DISMANTLE_REMIND_DAYS_BEFORE,
): Promise<{ at: string; today: string; created: number }> {
  const { db, clock } = ctx;
  const now = clock.now();
  const today = todayInChina(now);
  const cal = await getCalendar(db);
  // Every deadline with at most N working days left lies before the (N+1)th working day from today.
  const tasks = await repo.sealedBefore(db, cal.addWorkingDays(today, remindDaysBefore + 1));
  const users = await repo.recipients(
    db,
    [...new Set(tasks.flatMap((x) => (x.countyCode ? [x.countyCode] : [])))],
    [...new Set(tasks.flatMap((x) => (x.townshipCode ? [x.townshipCode] : [])))],
  );

  const rows: NotificationInsert[] = [];
  for (const task of tasks) {
    const deadline = task.dismantleDeadline!;
    const d = cal.describeDeadline(deadline, today);
    if (!d.overdue && d.workingDaysLeft > remindDaysBefore) continue;
    const kind = d.overdue ? 'dismantle_overdue' : 'dismantle_due_soon';
    const subject = `${task.enterpriseName} ${task.lineName}`;
    const body = d.overdue
      ? `${subject} 拆除期限 ${deadline} 已过（${d.label}），仍未拆除，请督促企业立即拆除。`
      : `${subject} 须于 ${deadline} 前拆除（${d.label}）。`;
    const to = users.filter((u) => (u.role === 'group_office' ? u.regionCode === task.countyCode : u.regionCode === task.townshipCode));
    for (const u of to) {
      rows.push({
        userId: u.id,
        kind,
        title: `${d.overdue ? '【拆除逾期】' : '【拆除期限临近】'}${subject}`,
        body,
        entityType: 'exit_task',
        entityId: String(task.id),
        link: `/exit-tasks/${task.id}`,
        dedupeKey: `${kind}:${u.id}:exit_task:${task.id}:${deadline}`,
        createdAt: now,
      });
    }
  }

  const created = await db.transaction(async (tx) => {
    const sent = await notify(tx, rows);
    if (sent.length) {
      await recordAudit(tx, systemSubject('exit-task-reminders'), now, {
        action: 'exit_task.reminders_sent',
        entityType: 'notification',
        after: { today, count: sent.length, ids: sent.map((n) => n.id) },
      });
    }
    return sent.length;
  });
  return { at: now.toISOString(), today, created };
}
