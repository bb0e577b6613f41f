import { and, asc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { eliminationPlan, eliminationPlanLine, enterprise, exitTask, exitTaskEvent, exitTaskEvidence, line, storedFile } from '../../db/schema/index.ts';
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
};

export interface ExitTaskFilter {
  scope: { column: ScopeColumn; code: string };
  /** A region code: the task's enterprise lies in it or below. */
  region?: string;
  status?: string;
  /** true: only sealed tasks past their dismantling deadline; false: all others. */
  overdue?: boolean;
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
    .innerJoin(enterprise, eq(enterprise.id, exitTask.enterpriseId));
}

export type ExitTaskView = Awaited<ReturnType<typeof base>>[number];

export const exitTaskRepository = {
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
  async list(db: Db, f: ExitTaskFilter) {
    const where: SQL[] = [];
    if (f.scope.column !== 'all') where.push(eq(SCOPE_COLUMNS[f.scope.column], f.scope.code));
    if (f.region) {
      const r = f.region;
      where.push(
        or(eq(enterprise.regionCode, r), eq(enterprise.provinceCode, r), eq(enterprise.prefectureCode, r), eq(enterprise.countyCode, r), eq(enterprise.townshipCode, r))!,
      );
    }
    if (f.status) where.push(eq(exitTask.status, f.status));
    if (f.overdue === true) where.push(overdueSql(f.today));
    if (f.overdue === false) where.push(sql`not (${overdueSql(f.today)})`);
    return base(db)
      .where(and(...where))
      .orderBy(asc(exitTask.id))
      .limit(1000);
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
  async transition(tx: Db, id: number, from: string, to: string, set: Partial<ExitTaskInsert>): Promise<ExitTaskRow | null> {
    const rows = await tx
      .update(exitTask)
      .set({ ...set, status: to, version: sql`${exitTask.version} + 1` })
      .where(and(eq(exitTask.id, id), eq(exitTask.status, from)))
      .returning();
    return rows[0] ?? null;
  },
  async insertEvent(tx: Db, row: typeof exitTaskEvent.$inferInsert) {
    await tx.insert(exitTaskEvent).values(row);
  },
  events(db: Db, taskId: number) {
    return db.select().from(exitTaskEvent).where(eq(exitTaskEvent.taskId, taskId)).orderBy(asc(exitTaskEvent.id));
  },
  async insertEvidence(tx: Db, row: typeof exitTaskEvidence.$inferInsert) {
    const [r] = await tx.insert(exitTaskEvidence).values(row).returning();
    return r!;
  },
  evidence(db: Db, taskId: number) {
    return db
      .select({ id: exitTaskEvidence.id, kind: exitTaskEvidence.kind, file: storedFile })
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
  /** Lines with the same name and specification registered under an enterprise of another county. */
  duplicatesElsewhere(db: Db, lineName: string, specification: string, countyCode: string | null) {
    const otherCounty = countyCode === null ? sql`${enterprise.countyCode} is not null` : sql`${enterprise.countyCode} is distinct from ${countyCode}`;
    return db
      .select({ lineId: line.id, enterpriseName: enterprise.name, regionCode: enterprise.regionCode })
      .from(line)
      .innerJoin(enterprise, eq(enterprise.id, line.enterpriseId))
      .where(and(eq(line.name, lineName), eq(line.specification, specification), otherCounty))
      .orderBy(asc(line.id))
      .limit(20);
  },
  /** An accepted exit makes the registry line eliminated (its version moves so stale edits get 409). */
  async markLineEliminated(tx: Db, lineId: number, at: Date) {
    await tx
      .update(line)
      .set({ status: 'eliminated', updatedAt: at, version: sql`${line.version} + 1` })
      .where(and(eq(line.id, lineId), ne(line.status, 'eliminated')));
  },
};
