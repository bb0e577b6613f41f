import type { Db } from '../../db/client.ts';
import { recordAudit, systemSubject } from '../../platform/audit/audit.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { AWAIT_KIND_LABELS, type AwaitingSource } from '../../platform/lifecycle/index.ts';
import type { NotificationInsert } from '../notification/index.ts';
import { notify } from '../notification/index.ts';
import { TODO_SOURCES } from './todo-sources.ts';
import { remindWorkingDaysBefore, waitingIn, whoMayAct } from './todo.service.ts';

/** Records per lifecycle the sweep looks at in one run (everything waiting, country-wide). */
const SWEEP_LIMIT = 5000;

/**
 * One reminder N working days before a to-do item falls due (setting, default 2), to the closest level
 * that may act, and one when it is overdue, to every level that may (issue 11 "待办"). Idempotent: the dedupe key names the record, the
 * moment it entered its state and the kind of reminder, so the sweep may run every 10 minutes and a
 * record returned and resubmitted is reminded afresh.
 */
export async function runTodoReminders(
  ctx: { db: Db; clock: Clock },
  sources: readonly AwaitingSource<any>[] = TODO_SOURCES,
): Promise<{ at: string; today: string; created: number }> {
  const now = ctx.clock.now();
  const today = todayInChina(now);
  const cal = await getCalendar(ctx.db);
  const before = await remindWorkingDaysBefore(ctx.db);
  const rows: NotificationInsert[] = [];
  for (const source of sources) {
    for (const w of await waitingIn(ctx.db, source, null, SWEEP_LIMIT, cal, now)) {
      const { dueDate, overdue } = w.deadline;
      if (!dueDate) continue;
      const soon = !overdue && today >= cal.addWorkingDays(dueDate, -before);
      if (!soon && !overdue) continue;
      const kind = overdue ? 'todo_overdue' : 'todo_due_soon';
      const c = w.candidate;
      const what = AWAIT_KIND_LABELS[w.kind];
      const text = overdue
        ? { title: `【待办已超期】${c.title}${what}`, body: `${source.kindLabel}“${c.title}”${what}，已于${dueDate}到期，请尽快办理。` }
        : { title: `【待办即将到期】${c.title}${what}`, body: `${source.kindLabel}“${c.title}”${what}，将于${dueDate}到期，请及时办理。` };
      for (const userId of await whoMayAct(ctx.db, source, c, { nearest: !overdue })) {
        rows.push({
          userId,
          kind,
          ...text,
          entityType: source.machine.entityType,
          entityId: String(c.id),
          link: c.link,
          dedupeKey: `${kind}:${source.machine.entityType}:${c.id}:${w.since.getTime()}:${userId}`,
          createdAt: now,
        });
      }
    }
  }
  const created = await ctx.db.transaction(async (tx) => {
    const sent = await notify(tx, rows);
    if (sent.length) {
      await recordAudit(tx, systemSubject('todo-reminders'), now, {
        action: 'todo.reminders_sent',
        entityType: 'notification',
        after: { count: sent.length, ids: sent.map((n) => n.id) },
      });
    }
    return sent.length;
  });
  return { at: now.toISOString(), today, created };
}
