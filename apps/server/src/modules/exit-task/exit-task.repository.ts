import { and, asc, count, desc, eq, gt, inArray, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  capacityUnit,
  eliminationPlan,
  eliminationPlanLine,
  enterprise,
  exitTask,
  exitTaskEvidence,
  industry,
  line,
  region,
  storedFile,
} from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';

export type ExitTaskRow = typeof exitTask.$inferSelect;
export type ExitTaskInsert = typeof exitTask.$inferInsert;

const viewColumns = {
  task: exitTask,
  lineName: line.name,
  specification: line.specification,
  enterpriseName: enterprise.name,
  regionCode: enterprise.regionCode,
  provinceCode: enterprise.provinceCode,
  prefectureCode: enterprise.prefectureCode,
  countyCode: enterprise.countyCode,
  townshipCode: enterprise.townshipCode,
  uscc: enterprise.uscc,
  legalRepresentative: enterprise.legalRepresentative,
  regionName: sql<string>`coalesce(${region.name}, ${enterprise.regionCode})`,
  year: eliminationPlan.year,
  // Counted as approved: the plan line's snapshot, exactly what the progress picture adds up.
  industryCode: eliminationPlanLine.industryCode,
  industryName: sql<string>`coalesce(${industry.name}, ${eliminationPlanLine.industryCode})`,
  capacity: eliminationPlanLine.capacity,
  capacityUnit: eliminationPlanLine.capacityUnit,
  capacityUnitName: sql<string>`coalesce(${capacityUnit.name}, ${eliminationPlanLine.capacityUnit})`,
};

type SubtreeColumn = Exclude<ScopeColumn, 'all'>;

export interface ExitTaskFilter {
  scope: { column: ScopeColumn; code: string };
  /** Enterprise users see only their own enterprise's tasks. */
  enterpriseOnly?: number | null;
  /** A region inside the scope, as the ancestor column of its level: the enterprise lies in it or below. */
  region?: { column: SubtreeColumn; code: string } | null;
  /** The enterprise is registered at exactly this region (not in one of its children). */
  exactRegion?: string | null;
  statuses?: string[];
  /** The approved plan line's industry and capacity unit. */
  industry?: string;
  unit?: string;
  /** The elimination plan's year. */
  year?: number;
  enterprise?: number;
  /** true: only sealed tasks past their dismantling deadline; false: all others. */
  overdue?: boolean;
  /** Fragment of the enterprise's or the line's name. */
  q?: string;
  today: string;
}

const overdueSql = (today: string) =>
  and(eq(exitTask.status, 'sealed'), sql`${exitTask.dismantleDeadline} is not null`, sql`${exitTask.dismantleDeadline} < ${today}`)!;

const SCOPE_COLUMNS = {
  provinceCode: enterprise.provinceCode,
  prefectureCode: enterprise.prefectureCode,
  countyCode: enterprise.countyCode,
  townshipCode: enterprise.townshipCode,
} as const;

function base(db: Db) {
  return db
    .select(viewColumns)
    .from(exitTask)
    .innerJoin(line, eq(line.id, exitTask.lineId))
    .innerJoin(enterprise, eq(enterprise.id, exitTask.enterpriseId))
    .innerJoin(eliminationPlan, eq(eliminationPlan.id, exitTask.planId))
    .innerJoin(eliminationPlanLine, eq(eliminationPlanLine.id, exitTask.planLineId))
    .leftJoin(region, eq(region.code, enterprise.regionCode))
    .leftJoin(industry, eq(industry.code, eliminationPlanLine.industryCode))
    .leftJoin(capacityUnit, eq(capacityUnit.code, eliminationPlanLine.capacityUnit));
}

export type ExitTaskView = Awaited<ReturnType<typeof base>>[number];

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** One filter for the page and its totals, so `total` and `capacityByUnit` count exactly what the pages list. */
function conditions(f: ExitTaskFilter): SQL | undefined {
  const like = f.q ? `%${escapeLike(f.q.toLowerCase())}%` : null;
  return and(
    f.scope.column === 'all' ? undefined : eq(SCOPE_COLUMNS[f.scope.column], f.scope.code),
    f.enterpriseOnly == null ? undefined : eq(exitTask.enterpriseId, f.enterpriseOnly),
    f.region ? eq(SCOPE_COLUMNS[f.region.column], f.region.code) : undefined,
    f.exactRegion ? eq(enterprise.regionCode, f.exactRegion) : undefined,
    f.statuses ? inArray(exitTask.status, f.statuses) : undefined,
    f.industry ? eq(eliminationPlanLine.industryCode, f.industry) : undefined,
    f.unit ? eq(eliminationPlanLine.capacityUnit, f.unit) : undefined,
    f.year === undefined ? undefined : eq(eliminationPlan.year, f.year),
    f.enterprise === undefined ? undefined : eq(exitTask.enterpriseId, f.enterprise),
    f.overdue === true ? overdueSql(f.today) : undefined,
    f.overdue === false ? sql`not (${overdueSql(f.today)})` : undefined,
    like ? sql`(lower(${enterprise.name}) like ${like} or lower(${line.name}) like ${like})` : undefined,
  );
}

const DONE_TASKS = sql<string>`count(*) filter (where ${exitTask.status} in ('accepted', 'closed'))`;

/** Enterprise groups kept by `finished`: all their matching tasks done (true), or some not (false). */
const finishedHaving = (finished: boolean | undefined) =>
  finished === undefined ? undefined : finished ? sql`count(*) = ${DONE_TASKS}` : sql`count(*) > ${DONE_TASKS}`;

export const exitTaskRepository = {
  /** The lifecycle's table, for platform/lifecycle's guarded update. */
  table: exitTask,
  async plan(db: Db, planId: number) {
    const rows = await db.select({ id: eliminationPlan.id, regionCode: eliminationPlan.regionCode, status: eliminationPlan.status }).from(eliminationPlan).where(eq(eliminationPlan.id, planId));
    return rows[0] ?? null;
  },
  planLines(db: Db, planId: number) {
    return db
      .select({ id: eliminationPlanLine.id, lineId: eliminationPlanLine.lineId, enterpriseId: eliminationPlanLine.enterpriseId, exitDeadline: eliminationPlanLine.exitDeadline })
      .from(eliminationPlanLine)
      .where(eq(eliminationPlanLine.planId, planId))
      .orderBy(asc(eliminationPlanLine.id));
  },
  /** Tasks already made for a plan line are kept: creating from the same plan twice adds only what is new. */
  async insertMissing(tx: Db, rows: ExitTaskInsert[]): Promise<ExitTaskRow[]> {
    if (rows.length === 0) return [];
    return tx.insert(exitTask).values(rows).onConflictDoNothing({ target: exitTask.planLineId }).returning();
  },
  /**
   * One page in id order (the primary key serves both directions): after the task id `afterId` (keyset, no
   * OFFSET however deep the list) or `offset` rows in (numbered pages, bounded by MAX_OFFSET).
   */
  page(db: Db, f: ExitTaskFilter, at: { afterId: number | null; descending?: boolean; offset?: number }, limit: number) {
    const { afterId, descending = false, offset = 0 } = at;
    return base(db)
      .where(and(conditions(f), afterId === null ? undefined : (descending ? lt : gt)(exitTask.id, afterId)))
      .orderBy(descending ? desc(exitTask.id) : asc(exitTask.id))
      .limit(limit)
      .offset(offset);
  },
  /** Task count and capacity per unit over ALL matching tasks (units are never added together). */
  async totals(db: Db, f: ExitTaskFilter) {
    const rows = await db
      .select({ unit: eliminationPlanLine.capacityUnit, tasks: count(), capacity: sql<string>`coalesce(sum(${eliminationPlanLine.capacity}), 0)` })
      .from(exitTask)
      .innerJoin(line, eq(line.id, exitTask.lineId))
      .innerJoin(enterprise, eq(enterprise.id, exitTask.enterpriseId))
      .innerJoin(eliminationPlan, eq(eliminationPlan.id, exitTask.planId))
      .innerJoin(eliminationPlanLine, eq(eliminationPlanLine.id, exitTask.planLineId))
      .where(conditions(f))
      .groupBy(eliminationPlanLine.capacityUnit)
      .orderBy(asc(eliminationPlanLine.capacityUnit));
    return {
      total: rows.reduce((n, r) => n + Number(r.tasks), 0),
      capacityByUnit: rows.map((r) => ({ unit: r.unit, capacity: Number(r.capacity) })),
    };
  },
  /**
   * One page of the enterprises having matching tasks, in enterprise id order after `afterId`, with their
   * task and done counts: the progress rollup's per-enterprise rule (planned = has a task, accepted = all done).
   */
  enterprisePage(db: Db, f: ExitTaskFilter, finished: boolean | undefined, afterId: number | null, limit: number) {
    return db
      .select({ enterpriseId: exitTask.enterpriseId, enterpriseName: enterprise.name, regionCode: enterprise.regionCode, tasks: count(), done: DONE_TASKS })
      .from(exitTask)
      .innerJoin(line, eq(line.id, exitTask.lineId))
      .innerJoin(enterprise, eq(enterprise.id, exitTask.enterpriseId))
      .innerJoin(eliminationPlan, eq(eliminationPlan.id, exitTask.planId))
      .innerJoin(eliminationPlanLine, eq(eliminationPlanLine.id, exitTask.planLineId))
      .where(and(conditions(f), afterId === null ? undefined : gt(exitTask.enterpriseId, afterId)))
      .groupBy(exitTask.enterpriseId, enterprise.name, enterprise.regionCode)
      .having(finishedHaving(finished))
      .orderBy(asc(exitTask.enterpriseId))
      .limit(limit);
  },
  /** How many enterprises the whole enterprise list holds (same filters and grouping as the pages). */
  async enterpriseTotal(db: Db, f: ExitTaskFilter, finished: boolean | undefined): Promise<number> {
    const groups = db
      .select({ enterpriseId: exitTask.enterpriseId })
      .from(exitTask)
      .innerJoin(line, eq(line.id, exitTask.lineId))
      .innerJoin(enterprise, eq(enterprise.id, exitTask.enterpriseId))
      .innerJoin(eliminationPlan, eq(eliminationPlan.id, exitTask.planId))
      .innerJoin(eliminationPlanLine, eq(eliminationPlanLine.id, exitTask.planLineId))
      .where(conditions(f))
      .groupBy(exitTask.enterpriseId)
      .having(finishedHaving(finished))
      .as('g');
    const [r] = await db.select({ n: count() }).from(groups);
    return Number(r?.n ?? 0);
  },
  /** Capacity per enterprise and unit of the matching tasks of the given enterprises. */
  async enterpriseCapacities(db: Db, f: ExitTaskFilter, enterpriseIds: number[]) {
    if (enterpriseIds.length === 0) return [];
    const rows = await db
      .select({ enterpriseId: exitTask.enterpriseId, unit: eliminationPlanLine.capacityUnit, capacity: sql<string>`coalesce(sum(${eliminationPlanLine.capacity}), 0)` })
      .from(exitTask)
      .innerJoin(line, eq(line.id, exitTask.lineId))
      .innerJoin(enterprise, eq(enterprise.id, exitTask.enterpriseId))
      .innerJoin(eliminationPlan, eq(eliminationPlan.id, exitTask.planId))
      .innerJoin(eliminationPlanLine, eq(eliminationPlanLine.id, exitTask.planLineId))
      .where(and(conditions(f), inArray(exitTask.enterpriseId, enterpriseIds)))
      .groupBy(exitTask.enterpriseId, eliminationPlanLine.capacityUnit)
      .orderBy(asc(exitTask.enterpriseId), asc(eliminationPlanLine.capacityUnit));
    return rows.map((r) => ({ enterpriseId: r.enterpriseId, unit: r.unit, capacity: Number(r.capacity) }));
  },
  async regionNames(db: Db, codes: string[]) {
    if (codes.length === 0) return new Map<string, string>();
    const rows = await db.select({ code: region.code, name: region.name }).from(region).where(inArray(region.code, codes));
    return new Map(rows.map((r) => [r.code, r.name]));
  },
  viewsByPlan(db: Db, planId: number) {
    return base(db).where(eq(exitTask.planId, planId)).orderBy(asc(exitTask.id));
  },
  async viewById(db: Db, id: number) {
    const rows = await base(db).where(eq(exitTask.id, id));
    return rows[0] ?? null;
  },
  viewsByIds(db: Db, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return base(db).where(inArray(exitTask.id, ids)).orderBy(asc(exitTask.id));
  },
  /** from → to only while the task is still at `from`: of two concurrent transitions one finds no row. */
  async insertEvidence(tx: Db, row: typeof exitTaskEvidence.$inferInsert) {
    const [r] = await tx.insert(exitTaskEvidence).values(row).returning();
    return r!;
  },
  evidence(db: Db, taskId: number) {
    return db
      .select({ id: exitTaskEvidence.id, kind: exitTaskEvidence.kind, file: storedFile, takenAt: exitTaskEvidence.takenAt, gps: exitTaskEvidence.gps })
      .from(exitTaskEvidence)
      .innerJoin(storedFile, eq(storedFile.id, exitTaskEvidence.fileId))
      .where(eq(exitTaskEvidence.taskId, taskId))
      .orderBy(asc(exitTaskEvidence.id));
  },
  async evidenceById(db: Db, taskId: number, evidenceId: number) {
    const rows = await db
      .select({ id: exitTaskEvidence.id, fileId: exitTaskEvidence.fileId })
      .from(exitTaskEvidence)
      .where(and(eq(exitTaskEvidence.taskId, taskId), eq(exitTaskEvidence.id, evidenceId)));
    return rows[0] ?? null;
  },
  /** An accepted exit makes the registry line eliminated (its version moves so stale edits get 409). */
  async markLineEliminated(tx: Db, lineId: number, at: Date) {
    await tx
      .update(line)
      .set({ status: 'eliminated', updatedAt: at, version: sql`${line.version} + 1` })
      .where(and(eq(line.id, lineId), ne(line.status, 'eliminated')));
  },
  /** A reopened accepted task's line (issue 13): back to 已列入计划. */
  async markLinePlannedAgain(tx: Db, lineId: number, at: Date) {
    await tx
      .update(line)
      .set({ status: 'planned', updatedAt: at, version: sql`${line.version} + 1` })
      .where(and(eq(line.id, lineId), eq(line.status, 'eliminated')));
  },
};
