import type { TodoCount, TodoItem, TodoList } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { getCalendar, type WorkingCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import {
  AWAIT_KIND_LABELS,
  type AwaitingCandidate,
  type AwaitingSource,
  type AwaitKind,
  awaitedEvents,
  awaitingOf,
  awaitingStates,
  lifecycleRepository,
} from '../../platform/lifecycle/index.ts';
import { actorForUser } from '../auth/index.ts';
import { notify } from '../notification/index.ts';
import { regionRepository } from '../region/index.ts';
import { getTodoSettings } from './todo-settings.service.ts';
import { activeAdminRows, activeUserRowsAt } from '../user/index.ts';

/** At most this many candidate records per lifecycle for one user's list (the oldest waits are the ones to see). */
const LIST_LIMIT = 500;

export interface Deadline {
  dueDate: string | null;
  workingDaysLeft: number | null;
  workingDaysOverdue: number;
  overdue: boolean;
  /** Counted through a year without holiday data: 暂定 (issue 10 §3). */
  dueProvisional: boolean;
}

/** Due N working days after the day the record entered its state (display: provisional in a year without holidays). */
export function deadlineOf(cal: WorkingCalendar, since: Date, dueWorkingDays: number | undefined, today: string): Deadline {
  if (dueWorkingDays === undefined) return { dueDate: null, workingDaysLeft: null, workingDaysOverdue: 0, overdue: false, dueProvisional: false };
  const start = todayInChina(since);
  const dueDate = cal.addWorkingDays(start, dueWorkingDays);
  const overdue = today > dueDate;
  return {
    dueDate,
    overdue,
    workingDaysLeft: overdue ? 0 : cal.workingDaysBetween(today, dueDate),
    workingDaysOverdue: overdue ? cal.workingDaysBetween(dueDate, today) : 0,
    dueProvisional: cal.firstMissingYear(start, dueDate) !== null,
  };
}

/** Due on the record's own date (a case's legal deadline), or never when it has none. */
export function deadlineOn(cal: WorkingCalendar, dueDate: string | null, today: string): Deadline {
  if (dueDate === null) return { dueDate: null, workingDaysLeft: null, workingDaysOverdue: 0, overdue: false, dueProvisional: false };
  const overdue = today > dueDate;
  return {
    dueDate,
    overdue,
    workingDaysLeft: overdue ? 0 : cal.workingDaysBetween(today, dueDate),
    workingDaysOverdue: overdue ? cal.workingDaysBetween(dueDate, today) : 0,
    // A legal date is fixed; only the working-day count to it is provisional in a year without holiday data.
    dueProvisional: cal.firstMissingYear(today < dueDate ? today : dueDate, today < dueDate ? dueDate : today) !== null,
  };
}

interface Waiting<R = unknown> {
  source: AwaitingSource<R>;
  candidate: AwaitingCandidate<R>;
  kind: AwaitKind;
  since: Date;
  deadline: Deadline;
}

/** The source's records in awaited states within `reach`, with since-when and deadline. */
async function waitingIn(db: Db, source: AwaitingSource<any>, reach: Actor | null, limit: number, cal: WorkingCalendar, now: Date): Promise<Waiting[]> {
  const m = source.machine;
  const candidates = await source.candidates(db, reach, awaitingStates(m), limit);
  const mine = reach ? candidates.filter((c) => awaitedEvents(m, reach, c.record, c.status).length > 0) : candidates;
  const moved = await lifecycleRepository.lastMoved(db, m.entityType, mine.map((c) => c.id));
  const today = todayInChina(now);
  return mine.flatMap((c) => {
    const mark = awaitingOf(m, c.status);
    if (!mark) return [];
    const since = moved.get(c.id) ?? c.since ?? now;
    const deadline = c.dueDate !== undefined ? deadlineOn(cal, c.dueDate, today) : deadlineOf(cal, since, mark.dueWorkingDays, today);
    const notYet = mark.listedWithinWorkingDays !== undefined && !deadline.overdue && (deadline.workingDaysLeft ?? 0) > mark.listedWithinWorkingDays;
    return notYet ? [] : [{ source, candidate: c, kind: mark.kind, since, deadline }];
  });
}

const byUrgency = (a: TodoItem, b: TodoItem) =>
  Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.since.localeCompare(b.since);

/** The actor's 待办: every record of every registered lifecycle where the actor may fire an awaited event now. */
export async function listTodo(db: Db, clock: Clock, sources: readonly AwaitingSource<any>[], actor: Actor): Promise<TodoList> {
  const now = clock.now();
  const cal = await getCalendar(db);
  const waiting: Waiting[] = [];
  for (const s of sources) waiting.push(...(await waitingIn(db, s, actor, LIST_LIMIT, cal, now)));
  const regions = new Map((await regionRepository.byCodes(db, [...new Set(waiting.map((w) => w.candidate.regionCode))])).map((r) => [r.code, r.name]));
  const items = waiting
    .map(({ source, candidate: c, kind, since, deadline }): TodoItem => {
      const m = source.machine;
      return {
        key: `${m.entityType}:${c.id}`,
        entityType: m.entityType,
        entityId: c.id,
        kindLabel: source.kindLabel,
        awaits: kind,
        awaitsLabel: AWAIT_KIND_LABELS[kind],
        title: c.title,
        regionCode: c.regionCode,
        regionName: regions.get(c.regionCode) ?? null,
        statusLabel: m.statusLabels[c.status] ?? c.status,
        events: awaitedEvents(m, actor, c.record, c.status).map((e) => ({ event: e, label: m.eventLabels[e] ?? e })),
        link: c.link,
        since: since.toISOString(),
        ...deadline,
      };
    })
    .sort(byUrgency);
  return { items, total: items.length, overdue: items.filter((i) => i.overdue).length };
}

export async function countTodo(db: Db, clock: Clock, sources: readonly AwaitingSource<any>[], actor: Actor): Promise<TodoCount> {
  const list = await listTodo(db, clock, sources, actor);
  return { count: list.total, overdue: list.overdue };
}

/**
 * Who may fire an awaited event on the record now, asked through the machine's own relations: the group
 * offices, leaders and member departments (a case's re-inspection, ADR 0022) of its region and its ancestors, never the user who just moved it. `nearest` keeps
 * the closest level that may act (the arrival and the early reminder go to the one who is expected to act;
 * the levels above see the item on their 待办); otherwise every level (the overdue reminder escalates).
 * Admins stand in only when no official may (a province's plan), so they are not told of every county's.
 */
export async function whoMayAct(db: Db, source: AwaitingSource<any>, c: AwaitingCandidate<any>, opts: { nearest: boolean; except?: number | null }): Promise<number[]> {
  const region = await regionRepository.byCode(db, c.regionCode);
  if (!region) return [];
  const codes = [...new Set([region.code, region.countyCode, region.prefectureCode, region.provinceCode].filter((x): x is string => !!x))];
  const able = async (rows: Awaited<ReturnType<typeof activeAdminRows>>) => {
    const out: typeof rows = [];
    for (const u of rows) {
      if (u.id !== opts.except && awaitedEvents(source.machine, await actorForUser(db, u, null), c.record, c.status).length > 0) out.push(u);
    }
    return out;
  };
  const officials = await able(await activeUserRowsAt(db, ['group_office', 'leader', 'member_agency'], codes));
  const level = opts.nearest ? codes.find((code) => officials.some((u) => u.regionCode === code)) : undefined;
  const chosen = level ? officials.filter((u) => u.regionCode === level) : officials;
  return (chosen.length ? chosen : await able(await activeAdminRows(db))).map((u) => u.id);
}

/** The arrival notice (in the transition's transaction): 「巩义市2026年淘汰计划待审批」 to each user who may act. */
export function arrivalListener(sources: readonly AwaitingSource<any>[]) {
  return async (tx: Db, a: { entityType: string; id: number; to: string; at: Date; actorId: number | null }): Promise<void> => {
    const source = sources.find((s) => s.machine.entityType === a.entityType);
    const c = source ? await source.one(tx, a.id) : null;
    const mark = source && awaitingOf(source.machine, a.to);
    if (!source || !c || !mark || c.status !== a.to) return;
    const users = await whoMayAct(tx, source, c, { nearest: true, except: a.actorId });
    const what = AWAIT_KIND_LABELS[mark.kind];
    await notify(
      tx,
      users.map((userId) => ({
        userId,
        kind: 'todo_arrived',
        title: `${c.title}${what}`,
        body: `${source.kindLabel}“${c.title}”${what}，请在待办中办理。`,
        entityType: a.entityType,
        entityId: String(a.id),
        link: c.link,
        dedupeKey: `todo_arrived:${a.entityType}:${a.id}:${a.to}:${a.at.getTime()}:${userId}`,
        createdAt: a.at,
      })),
    );
  };
}

/** The reminder setting: working days before the due date (system setting `todo`, default 2; 待办提醒设置). */
export async function remindWorkingDaysBefore(db: Db): Promise<number> {
  return (await getTodoSettings(db)).remindWorkingDaysBefore;
}

export { type Waiting, waitingIn };
