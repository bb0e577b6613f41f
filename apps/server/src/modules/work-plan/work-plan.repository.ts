import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { region, workPlan, workPlanPhase } from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';

export type WorkPlanRow = typeof workPlan.$inferSelect;
export type WorkPlanInsert = typeof workPlan.$inferInsert;
export type PhaseRow = typeof workPlanPhase.$inferSelect;
export type PhaseInsert = typeof workPlanPhase.$inferInsert;
export type WorkPlanView = WorkPlanRow & { regionName: string };

const viewColumns = { p: workPlan, regionName: sql<string>`coalesce(${region.name}, ${workPlan.regionCode})` };
const flatten = (r: { p: WorkPlanRow; regionName: string }): WorkPlanView => ({ ...r.p, regionName: r.regionName });

const scopeColumn = (c: Exclude<ScopeColumn, 'all'>) =>
  c === 'provinceCode' ? region.provinceCode : c === 'prefectureCode' ? region.prefectureCode : c === 'countyCode' ? region.countyCode : region.code;

export const workPlanRepository = {
  /** The table guardedEdit updates under the version the user saw. */
  table: workPlan,
  async byId(db: Db, id: number): Promise<WorkPlanView | null> {
    const rows = await db.select(viewColumns).from(workPlan).leftJoin(region, eq(region.code, workPlan.regionCode)).where(eq(workPlan.id, id));
    return rows[0] ? flatten(rows[0]) : null;
  },
  async byIdForUpdate(db: Db, id: number): Promise<WorkPlanRow | null> {
    const rows = await db.select().from(workPlan).where(eq(workPlan.id, id)).for('update');
    return rows[0] ?? null;
  },
  async byRegionYear(db: Db, regionCode: string, year: number): Promise<WorkPlanView | null> {
    const rows = await db
      .select(viewColumns)
      .from(workPlan)
      .leftJoin(region, eq(region.code, workPlan.regionCode))
      .where(and(eq(workPlan.regionCode, regionCode), eq(workPlan.year, year)));
    return rows[0] ? flatten(rows[0]) : null;
  },
  /** Plans of some regions for some years (the reporting chain, when looking for the governing plan). */
  async ofRegions(db: Db, codes: string[], years: number[]): Promise<WorkPlanView[]> {
    if (codes.length === 0 || years.length === 0) return [];
    const rows = await db
      .select(viewColumns)
      .from(workPlan)
      .leftJoin(region, eq(region.code, workPlan.regionCode))
      .where(and(inArray(workPlan.regionCode, codes), inArray(workPlan.year, years)))
      .orderBy(desc(workPlan.year));
    return rows.map(flatten);
  },
  /** Plans in a subtree (scope column = code) plus those of the given upper regions. */
  async list(db: Db, scope: { column: ScopeColumn; code: string }, upperCodes: string[], filters: { region?: string; year?: number }) {
    const inScope = scope.column === 'all' ? sql`true` : eq(scopeColumn(scope.column), scope.code);
    const visible = upperCodes.length ? or(inScope, inArray(workPlan.regionCode, upperCodes)) : inScope;
    const rows = await db
      .select(viewColumns)
      .from(workPlan)
      .innerJoin(region, eq(region.code, workPlan.regionCode))
      .where(
        and(
          visible,
          filters.region ? eq(workPlan.regionCode, filters.region) : undefined,
          filters.year ? eq(workPlan.year, filters.year) : undefined,
        ),
      )
      .orderBy(desc(workPlan.year), asc(region.depth), asc(workPlan.regionCode))
      .limit(500);
    return rows.map(flatten);
  },
  async phasesOf(db: Db, planIds: number[]): Promise<PhaseRow[]> {
    if (planIds.length === 0) return [];
    return db.select().from(workPlanPhase).where(inArray(workPlanPhase.planId, planIds)).orderBy(asc(workPlanPhase.planId), asc(workPlanPhase.seq));
  },
  async phasesByIds(db: Db, ids: number[]): Promise<PhaseRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(workPlanPhase).where(inArray(workPlanPhase.id, ids));
  },
  async phaseCounts(db: Db, planIds: number[]): Promise<Map<number, number>> {
    if (planIds.length === 0) return new Map();
    const rows = await db
      .select({ planId: workPlanPhase.planId, n: sql<number>`count(*)::int` })
      .from(workPlanPhase)
      .where(inArray(workPlanPhase.planId, planIds))
      .groupBy(workPlanPhase.planId);
    return new Map(rows.map((r) => [r.planId, Number(r.n)]));
  },
  /** Plans copied from this one, with their regions' names. */
  async derivedPlans(db: Db, planId: number): Promise<WorkPlanView[]> {
    const rows = await db.select(viewColumns).from(workPlan).leftJoin(region, eq(region.code, workPlan.regionCode)).where(eq(workPlan.parentPlanId, planId));
    return rows.map(flatten);
  },
  async insert(db: Db, row: WorkPlanInsert): Promise<WorkPlanRow> {
    const [r] = await db.insert(workPlan).values(row).returning();
    return r!;
  },
  async insertPhases(db: Db, rows: PhaseInsert[]): Promise<PhaseRow[]> {
    if (rows.length === 0) return [];
    return db.insert(workPlanPhase).values(rows).returning();
  },
  async updatePhase(db: Db, id: number, set: Partial<PhaseInsert>): Promise<void> {
    await db.update(workPlanPhase).set(set).where(eq(workPlanPhase.id, id));
  },
  async deletePhases(db: Db, ids: number[]): Promise<void> {
    if (ids.length) await db.delete(workPlanPhase).where(inArray(workPlanPhase.id, ids));
  },
};
