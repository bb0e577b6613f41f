import {
  type EvidenceKind,
  EXIT_TASK_STATUSES,
  type ExitTask,
  type ExitTaskFromPlanResult,
  type ExitTaskPage,
  type ExitTaskQuery,
  type ExitTaskStatus,
  type ExitTaskTransitionBody,
  type FiltersOf,
  type RegionLevel,
  STAGE_OF_STATUS,
} from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { type Actor, regionInScope, type ScopeColumn, scopeColumnFor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { cutPage, pageWindow } from '../../platform/http/list-query.ts';
import { availableEvents as eventsFor, lifecycleRepository, runTransition } from '../../platform/lifecycle/index.ts';
import { progressMaintenance } from '../progress/index.ts';
import { ancestryOf, regionRepository } from '../region/index.ts';
import { relocationMatches } from './exit-task-relocation.service.ts';
import { exitTaskMachine } from './exit-task.machine.ts';
import { exitTaskPolicy, type TaskPlace } from './exit-task.policy.ts';
import { presentSummary, presentTask } from './exit-task.presenter.ts';
import { type ExitTaskFilter, type ExitTaskInsert, type ExitTaskView, exitTaskRepository } from './exit-task.repository.ts';

const COUNTRY_CODE = '100000';

const placeOf = (v: ExitTaskView): TaskPlace => ({
  code: v.regionCode,
  provinceCode: v.provinceCode,
  prefectureCode: v.prefectureCode,
  countyCode: v.countyCode,
  townshipCode: v.townshipCode,
  enterpriseId: v.task.enterpriseId,
});

/** The task if the actor may read it; out of scope answers exactly like a missing task. */
export async function readableTask(db: Db, actor: Actor, id: number): Promise<ExitTaskView> {
  const v = await exitTaskRepository.viewById(db, id);
  if (!v || !exitTaskPolicy.canRead(actor, placeOf(v))) throw notFound('退出任务');
  return v;
}

export const mayUpload = (actor: Actor, v: ExitTaskView) => exitTaskPolicy.canUpload(actor, placeOf(v));

export async function getTask(db: Db, clock: Clock, actor: Actor, id: number): Promise<ExitTask> {
  const v = await readableTask(db, actor, id);
  const [events, evidence, duplicates] = await Promise.all([
    lifecycleRepository.history(db, 'exit_task', id),
    exitTaskRepository.evidence(db, id),
    relocationMatches(db, v.task.lineId, v.countyCode),
  ]);
  const place = placeOf(v);
  // 复产重开 is fired from a tip's link only (issue 13), so it is never a button on the task.
  const availableEvents = eventsFor(exitTaskMachine, actor, place, v.task.status as ExitTaskStatus).filter((e) => e !== 'reopen');
  return presentTask(v, todayInChina(clock.now()), await getCalendar(db), { events, evidence, duplicates, availableEvents });
}

/**
 * The filter shared by the task list and the enterprise list: the actor's scope (enterprise users their own
 * enterprise only), the region's subtree, or with ownLevel=true the region itself only; out of scope 404.
 */
export async function scopedFilter(
  db: Db,
  actor: Actor,
  q: Pick<ExitTaskQuery, 'region' | 'ownLevel' | 'industry' | 'unit' | 'year'>,
  today: string,
): Promise<ExitTaskFilter> {
  let region: ExitTaskFilter['region'] = null;
  // The country code (the admin's own region on the dashboard) is no region row: it means no region filter.
  if (q.region && !(q.region === COUNTRY_CODE && actor.scope.column === 'all')) {
    const r = await regionRepository.byCode(db, q.region);
    if (!r || !regionInScope(actor, ancestryOf(r))) throw notFound('区划');
    region = { column: scopeColumnFor(r.level as RegionLevel, false) as Exclude<ScopeColumn, 'all'>, code: r.code };
  }
  const ownLevel = q.ownLevel === 'true';
  if (ownLevel && !q.region) throw invalid('只看本级企业时须指定区划', [{ path: 'region', message: '请指定区划' }]);
  return {
    scope: actor.scope,
    // Enterprise users: only their own enterprise (and none at all if the account has no enterprise).
    enterpriseOnly: actor.role === 'enterprise' ? (actor.enterpriseId ?? -1) : null,
    region,
    // The dashboard's （本级） row: enterprises registered at the region itself, in none of its children.
    exactRegion: ownLevel ? q.region : null,
    industry: q.industry,
    unit: q.unit,
    year: q.year,
    today,
  };
}

/** A keyset cursor is a positive id; anything else is refused rather than silently restarting. */
export function cursorId(cursor: string | undefined): number | null {
  const afterId = cursor === undefined ? null : Number(cursor);
  if (afterId !== null && !(Number.isInteger(afterId) && afterId > 0)) throw invalid('翻页位置 cursor 无效，请从第一页重新查询', [{ path: 'cursor', message: '翻页位置无效' }]);
  return afterId;
}

/** The task list with totals over every matching task (the dashboard's numbers link here with the same filters). */
/** The task list's filters, scoped (out-of-scope region 404): shared by the list and its export. */
export async function taskFilter(db: Db, actor: Actor, q: FiltersOf<ExitTaskQuery>, today: string): Promise<ExitTaskFilter> {
  const statuses = q.stage ? EXIT_TASK_STATUSES.filter((s) => STAGE_OF_STATUS[s] === q.stage && (!q.status || s === q.status)) : q.status ? [q.status] : undefined;
  return {
    ...(await scopedFilter(db, actor, q, today)),
    statuses,
    enterprise: q.enterprise,
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
    q: q.q || undefined,
  };
}

export async function listTasks(db: Db, clock: Clock, actor: Actor, q: ExitTaskQuery): Promise<ExitTaskPage> {
  const w = pageWindow(q, 50);
  const afterId = cursorId(w.cursor);
  const today = todayInChina(clock.now());
  const filter = await taskFilter(db, actor, q, today);
  const descending = q.sort === '-id';
  const [rows, totals, cal] = await Promise.all([
    exitTaskRepository.page(db, filter, { afterId, descending, offset: w.offset }, w.size + 1),
    exitTaskRepository.totals(db, filter),
    getCalendar(db),
  ]);
  const { rows: items, nextCursor } = cutPage(rows, w, (last) => String(last.task.id));
  return { items: items.map((v) => presentSummary(v, today, cal)), nextCursor, page: w.page, pageSize: w.size, ...totals };
}

/** One task per line of an approved plan; running it again creates only the missing ones. */
export async function createFromPlan(db: Db, clock: Clock, actor: Actor, planId: number): Promise<ExitTaskFromPlanResult> {
  const now = clock.now();
  const created = await db.transaction(async (tx) => {
    const plan = await exitTaskRepository.plan(tx, planId);
    const region = plan ? await regionRepository.byCode(tx, plan.regionCode) : null;
    if (!plan || !region || actor.role === 'enterprise' || !regionInScope(actor, ancestryOf(region))) throw notFound('淘汰计划');
    if (!exitTaskPolicy.canCreateFromPlan(actor, ancestryOf(region))) throw forbidden('只有本级或上级领导小组办公室可以生成退出任务');
    if (plan.status !== 'approved') throw conflict('淘汰计划批准后才能生成退出任务');
    const lines = await exitTaskRepository.planLines(tx, planId);
    const rows: ExitTaskInsert[] = lines.map((l) => ({
      planId,
      planLineId: l.id,
      lineId: l.lineId,
      enterpriseId: l.enterpriseId,
      exitDeadline: l.exitDeadline,
      createdAt: now,
      updatedAt: now,
    }));
    const inserted = await exitTaskRepository.insertMissing(tx, rows);
    // The progress rollup moves in the same transaction, so the dashboard never disagrees with the tasks.
    await progressMaintenance.tasksCreated(tx, inserted.map((r) => r.id));
    if (inserted.length > 0) {
      await recordAudit(tx, actor, now, {
        action: 'exit_task.create_from_plan',
        entityType: 'elimination_plan',
        entityId: planId,
        regionCode: plan.regionCode,
        after: { tasks: inserted.map((t) => ({ id: t.id, lineId: t.lineId, exitDeadline: t.exitDeadline })) },
      });
    }
    return inserted.length;
  });
  const today = todayInChina(now);
  const [all, cal] = await Promise.all([exitTaskRepository.viewsByPlan(db, planId), getCalendar(db)]);
  return { created, tasks: all.filter((v) => exitTaskPolicy.canRead(actor, placeOf(v))).map((v) => presentSummary(v, today, cal)) };
}

/** Facts each event stores on the task, so the detail shows the current seal and dismantling records. */
function factsOf(body: ExitTaskTransitionBody, now: Date): Partial<ExitTaskInsert> {
  const p = body.payload;
  switch (body.event) {
    case 'seal':
      return {
        dismantleDeadline: p.dismantleDeadline,
        seal: { waterCut: p.waterCut, powerCut: p.powerCut, powerUnitsRemoved: p.powerUnitsRemoved, equipmentSealed: p.equipmentSealed, dismantleDeadline: p.dismantleDeadline, sealedAt: now.toISOString() },
      };
    case 'dismantle':
    case 'resubmit':
      return {
        rejectReason: null,
        dismantle: {
          legalRepresentative: p.legalRepresentative,
          officials: p.officials,
          destination: p.destination,
          buyerName: p.destination === 'sold' ? p.buyerName : undefined,
          buyerUscc: p.destination === 'sold' ? p.buyerUscc : undefined,
          destinationNote: p.destinationNote || undefined,
          dismantledAt: now.toISOString(),
        },
      };
    case 'reject':
      return { rejectReason: p.reason };
    default:
      return {};
  }
}

/**
 * Fires an event of the exit machine inside the caller's transaction (the joint inspection accepts or
 * rejects tasks together with its own record). The guard checks the facts and the attached evidence; the
 * status condition on the update makes the second of two concurrent transitions a 409.
 */
export async function fireTaskEvent(tx: Db, now: Date, actor: Actor, id: number, body: ExitTaskTransitionBody): Promise<void> {
  const today = todayInChina(now);
  const v = await readableTask(tx, actor, id);
  const from = v.task.status as ExitTaskStatus;
  const evidence: Partial<Record<EvidenceKind, number>> = {};
  for (const e of await exitTaskRepository.evidence(tx, id)) evidence[e.kind as EvidenceKind] = (evidence[e.kind as EvidenceKind] ?? 0) + 1;
  // Flagged, not blocked: the same equipment registered elsewhere may mean it moved to another region.
  const duplicates = body.event === 'dismantle' || body.event === 'resubmit' ? (await relocationMatches(tx, v.task.lineId, v.countyCode)).shown : [];
  await runTransition(tx, {
    machine: exitTaskMachine,
    table: exitTaskRepository.table,
    record: placeOf(v),
    id,
    from,
    event: body.event,
    actor,
    now,
    regionCode: v.regionCode,
    reason: body.payload.reason,
    facts: { payload: body.payload, evidence, today },
    set: factsOf(body, now),
    payload: { ...body.payload, ...(duplicates.length ? { duplicatesElsewhere: duplicates } : {}) },
    effects: async (row) => {
      await progressMaintenance.taskMoved(tx, id, from);
      if (row.status === 'accepted') await exitTaskRepository.markLineEliminated(tx, v.task.lineId, now);
      // An accepted line found producing again is no longer eliminated: back in the plan (issue 13).
      if (body.event === 'reopen' && from === 'accepted') await exitTaskRepository.markLinePlannedAgain(tx, v.task.lineId, now);
    },
  });
}

/**
 * 复产重开 (issue 13, ADR 0025): a substantiated tip found the line producing again. Fired by the tip's link in the
 * tip's transaction through the one transition step, so the progress rollups move with it.
 */
export async function reopenExitTask(tx: Db, now: Date, actor: Actor, id: number, reason: string): Promise<ExitTaskView> {
  await fireTaskEvent(tx, now, actor, id, { event: 'reopen', payload: { reason } });
  return readableTask(tx, actor, id);
}

export async function transitionTask(db: Db, clock: Clock, actor: Actor, id: number, body: ExitTaskTransitionBody): Promise<ExitTask> {
  if (body.event === 'reopen') throw invalid('复产重开须在举报核查中关联退出任务时发起', [{ path: 'event', message: '复产重开须在举报核查中发起' }]);
  const now = clock.now();
  await db.transaction((tx) => fireTaskEvent(tx, now, actor, id, body));
  return getTask(db, clock, actor, id);
}
