import { and, asc, count, desc, eq, gt, inArray, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import {
  basisItem,
  capacityUnit,
  eliminationPlan,
  eliminationPlanLine,
  enterprise,
  filing,
  industry,
  line,
  region,
  surveyLine,
  surveyReport,
} from '../../db/schema/index.ts';

export type PlanRow = typeof eliminationPlan.$inferSelect;
export type PlanInsert = typeof eliminationPlan.$inferInsert;
export type PlanLineRow = typeof eliminationPlanLine.$inferSelect;
export type PlanView = PlanRow & { regionName: string; regionDepth: number };

/** What a plan line shows and exports, frozen when the plan is submitted and approved. */
export interface PlanLineSnapshot {
  enterpriseName: string;
  uscc: string;
  regionCode: string;
  /** 河南省 / 郑州市 / 巩义市 / 米河镇 */
  regionFullName: string;
  lineName: string;
  specification: string;
  quantity: number;
  industryName: string;
  unitName: string;
  criterion: string;
  basis: string;
}

export type PlanLineView = PlanLineRow & { lineStatus: string | null };

/**
 * Line ids filed in accepted survey filings (摸底排查结果) of these years, in the revision that was
 * accepted and not a zero report. Read-only use of the survey module's tables.
 */
function surveyedLineIds(db: Db, years: number[], among?: number[]) {
  return db
    .select({ id: surveyLine.lineId })
    .from(surveyLine)
    .innerJoin(filing, and(eq(filing.id, surveyLine.filingId), eq(filing.revision, surveyLine.revision)))
    .innerJoin(surveyReport, eq(surveyReport.filingId, filing.id))
    .where(
      and(
        eq(filing.status, 'accepted'),
        eq(surveyReport.zeroReport, false),
        inArray(surveyReport.year, years),
        among ? inArray(surveyLine.lineId, among) : undefined,
      ),
    );
}

/** A registry line with everything its snapshot needs, and the ancestry used for the scope check. */
export interface LineSource {
  lineId: number;
  enterpriseId: number;
  status: string;
  plannedExitDate: string | null;
  industryCode: string;
  capacityUnit: string;
  capacity: string;
  provinceCode: string;
  prefectureCode: string | null;
  countyCode: string | null;
  snapshot: PlanLineSnapshot;
}

/** Enterprises in a plan region's subtree: one equality on the enterprise's denormalised ancestor column. */
export type RegionColumn = 'provinceCode' | 'prefectureCode' | 'countyCode';

const planView = {
  p: eliminationPlan,
  regionName: sql<string>`coalesce(${region.name}, ${eliminationPlan.regionCode})`,
  regionDepth: sql<number>`coalesce(${region.depth}, 0)`,
};

const sourceColumns = {
  lineId: line.id,
  enterpriseId: enterprise.id,
  status: line.status,
  plannedExitDate: line.plannedExitDate,
  industryCode: line.industryCode,
  capacityUnit: line.capacityUnit,
  capacity: line.capacity,
  provinceCode: enterprise.provinceCode,
  prefectureCode: enterprise.prefectureCode,
  countyCode: enterprise.countyCode,
  enterpriseName: enterprise.name,
  uscc: enterprise.uscc,
  regionCode: enterprise.regionCode,
  regionFullName: sql<string>`coalesce(${region.fullName}, ${enterprise.regionCode})`,
  lineName: line.name,
  specification: line.specification,
  quantity: line.quantity,
  industryName: sql<string>`coalesce(${industry.name}, ${line.industryCode})`,
  unitName: sql<string>`coalesce(${capacityUnit.name}, ${line.capacityUnit})`,
  criterion: line.criterion,
  basis: sql<string>`CASE WHEN ${line.basisText} <> '' THEN ${line.basisText}
    WHEN ${basisItem.id} IS NOT NULL THEN ${basisItem.title} || '（' || ${basisItem.source} || '）' ELSE '' END`,
};

type SourceSelect = { [K in keyof typeof sourceColumns]: unknown };
const toSource = (r: SourceSelect): LineSource => ({
  lineId: Number(r.lineId),
  enterpriseId: Number(r.enterpriseId),
  status: r.status as string,
  plannedExitDate: r.plannedExitDate as string | null,
  industryCode: r.industryCode as string,
  capacityUnit: r.capacityUnit as string,
  capacity: String(r.capacity),
  provinceCode: r.provinceCode as string,
  prefectureCode: r.prefectureCode as string | null,
  countyCode: r.countyCode as string | null,
  snapshot: {
    enterpriseName: r.enterpriseName as string,
    uscc: r.uscc as string,
    regionCode: r.regionCode as string,
    regionFullName: r.regionFullName as string,
    lineName: r.lineName as string,
    specification: r.specification as string,
    quantity: Number(r.quantity),
    industryName: r.industryName as string,
    unitName: r.unitName as string,
    criterion: r.criterion as string,
    basis: r.basis as string,
  },
});

function sourceQuery(db: Db) {
  return db
    .select(sourceColumns)
    .from(line)
    .innerJoin(enterprise, eq(enterprise.id, line.enterpriseId))
    .leftJoin(region, eq(region.code, enterprise.regionCode))
    .leftJoin(industry, eq(industry.code, line.industryCode))
    .leftJoin(capacityUnit, eq(capacityUnit.code, line.capacityUnit))
    .leftJoin(basisItem, eq(basisItem.id, line.basisItemId));
}

export interface PlanListFilter {
  scope: SQL | undefined;
  regionCode?: string;
  year?: number;
  status?: string;
}

const planListWhere = (f: PlanListFilter) =>
  and(
    f.scope,
    f.regionCode ? eq(eliminationPlan.regionCode, f.regionCode) : undefined,
    f.year === undefined ? undefined : eq(eliminationPlan.year, f.year),
    f.status ? eq(eliminationPlan.status, f.status) : undefined,
  );

export const planRepository = {
  /** The lifecycle's table, for platform/lifecycle's guarded update. */
  table: eliminationPlan,
  async viewById(db: Db, id: number): Promise<PlanView | null> {
    const rows = await db.select(planView).from(eliminationPlan).leftJoin(region, eq(region.code, eliminationPlan.regionCode)).where(eq(eliminationPlan.id, id));
    return rows[0] ? { ...rows[0].p, regionName: rows[0].regionName, regionDepth: Number(rows[0].regionDepth) } : null;
  },
  async byIdForUpdate(db: Db, id: number): Promise<PlanRow | null> {
    const rows = await db.select().from(eliminationPlan).where(eq(eliminationPlan.id, id)).for('update');
    return rows[0] ?? null;
  },
  async byRegionYear(db: Db, regionCode: string, year: number): Promise<PlanRow | null> {
    const rows = await db.select().from(eliminationPlan).where(and(eq(eliminationPlan.regionCode, regionCode), eq(eliminationPlan.year, year)));
    return rows[0] ?? null;
  },
  /** Plans whose region matches `scope` (a condition on the joined region row). */
  /** One numbered page in region-code order (the (region_code, year) unique index), newest year first within a region. */
  async list(db: Db, f: PlanListFilter, page: { offset: number; limit: number; descending?: boolean }): Promise<PlanView[]> {
    const dir = page.descending ? desc : asc;
    const rows = await db
      .select(planView)
      .from(eliminationPlan)
      .leftJoin(region, eq(region.code, eliminationPlan.regionCode))
      .where(planListWhere(f))
      .orderBy(dir(eliminationPlan.regionCode), desc(eliminationPlan.year))
      .limit(page.limit)
      .offset(page.offset);
    return rows.map((r) => ({ ...r.p, regionName: r.regionName, regionDepth: Number(r.regionDepth) }));
  },
  async count(db: Db, f: PlanListFilter): Promise<number> {
    // The scope filter names the joined region's columns, as in `list`.
    const [r] = await db.select({ n: count() }).from(eliminationPlan).leftJoin(region, eq(region.code, eliminationPlan.regionCode)).where(planListWhere(f));
    return Number(r?.n ?? 0);
  },
  async insert(db: Db, row: PlanInsert): Promise<PlanRow> {
    const [r] = await db.insert(eliminationPlan).values(row).returning();
    return r!;
  },
  /** Optimistic update: null when the plan is gone or was changed since the user loaded it. */
  async updateIfVersion(db: Db, id: number, version: number, set: Partial<PlanInsert>): Promise<PlanRow | null> {
    const [r] = await db
      .update(eliminationPlan)
      .set({ ...set, version: sql`${eliminationPlan.version} + 1` })
      .where(and(eq(eliminationPlan.id, id), eq(eliminationPlan.version, version)))
      .returning();
    return r ?? null;
  },
  async delete(db: Db, id: number): Promise<void> {
    await db.delete(eliminationPlanLine).where(eq(eliminationPlanLine.planId, id));
    await db.delete(eliminationPlan).where(eq(eliminationPlan.id, id));
  },
  /** The plan's lines with each registry line's current status (null once deleted from the registry). */
  async lines(db: Db, planId: number): Promise<PlanLineView[]> {
    const rows = await db
      .select({ pl: eliminationPlanLine, lineStatus: line.status })
      .from(eliminationPlanLine)
      .leftJoin(line, eq(line.id, eliminationPlanLine.lineId))
      .where(eq(eliminationPlanLine.planId, planId))
      .orderBy(asc(eliminationPlanLine.id));
    return rows.map((r) => ({ ...r.pl, lineStatus: r.lineStatus }));
  },
  /** Line counts and per-unit capacity sums of several plans, for lists. */
  async lineStats(db: Db, planIds: number[]) {
    if (planIds.length === 0) return [];
    return db
      .select({
        planId: eliminationPlanLine.planId,
        unit: eliminationPlanLine.capacityUnit,
        capacity: eliminationPlanLine.capacity,
        enterpriseId: eliminationPlanLine.enterpriseId,
      })
      .from(eliminationPlanLine)
      .where(inArray(eliminationPlanLine.planId, planIds));
  },
  async lineSources(db: Db, lineIds: number[]): Promise<LineSource[]> {
    if (lineIds.length === 0) return [];
    const rows = await sourceQuery(db).where(inArray(line.id, lineIds));
    return rows.map(toSource);
  },
  /** Lines that may still enter the plan: in the region's subtree, not eliminated, not in it yet. */
  async candidates(
    db: Db,
    f: {
      column: RegionColumn;
      code: string;
      planId: number;
      /** Only lines filed in accepted surveys of these years. */
      surveyYears: number[] | null;
      industry?: string;
      q?: string;
      after?: number;
      limit: number;
    },
  ): Promise<LineSource[]> {
    const inPlan = db.select({ id: eliminationPlanLine.lineId }).from(eliminationPlanLine).where(eq(eliminationPlanLine.planId, f.planId));
    const like = f.q ? `%${f.q.replace(/[\\%_]/g, '\\$&')}%` : null;
    const rows = await sourceQuery(db)
      .where(
        and(
          eq(enterprise[f.column], f.code),
          f.surveyYears ? inArray(line.id, surveyedLineIds(db, f.surveyYears)) : undefined,
          sql`${line.status} <> 'eliminated'`,
          notInArray(line.id, inPlan),
          f.industry ? eq(line.industryCode, f.industry) : undefined,
          f.after === undefined ? undefined : gt(line.id, f.after),
          like ? or(sql`${enterprise.name} LIKE ${like}`, sql`${line.name} LIKE ${like}`, eq(enterprise.uscc, f.q!)) : undefined,
        ),
      )
      .orderBy(asc(line.id))
      .limit(f.limit);
    return rows.map(toSource);
  },
  /** Which of these lines were filed in accepted surveys of these years. */
  async surveyed(db: Db, lineIds: number[], years: number[]): Promise<Set<number>> {
    if (lineIds.length === 0) return new Set();
    const rows = await surveyedLineIds(db, years, lineIds);
    return new Set(rows.map((r) => Number(r.id)));
  },
  /** Whether the region's enterprises have any line in an accepted survey of these years. */
  async hasSurveyedLines(db: Db, column: RegionColumn, code: string, years: number[]): Promise<boolean> {
    const rows = await db
      .select({ id: line.id })
      .from(line)
      .innerJoin(enterprise, eq(enterprise.id, line.enterpriseId))
      .where(and(eq(enterprise[column], code), inArray(line.id, surveyedLineIds(db, years))))
      .limit(1);
    return rows.length > 0;
  },
  async insertLines(db: Db, rows: (typeof eliminationPlanLine.$inferInsert)[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await db.insert(eliminationPlanLine).values(rows.slice(i, i + 500));
  },
  async deleteLine(db: Db, planId: number, lineId: number): Promise<PlanLineRow | null> {
    const [r] = await db
      .delete(eliminationPlanLine)
      .where(and(eq(eliminationPlanLine.planId, planId), eq(eliminationPlanLine.lineId, lineId)))
      .returning();
    return r ?? null;
  },
  async updateLineDeadline(db: Db, planId: number, lineId: number, exitDeadline: string): Promise<PlanLineRow | null> {
    const [r] = await db
      .update(eliminationPlanLine)
      .set({ exitDeadline })
      .where(and(eq(eliminationPlanLine.planId, planId), eq(eliminationPlanLine.lineId, lineId)))
      .returning();
    return r ?? null;
  },
  async refreshSnapshot(db: Db, planLineId: number, s: LineSource): Promise<void> {
    await db
      .update(eliminationPlanLine)
      .set({ industryCode: s.industryCode, capacityUnit: s.capacityUnit, capacity: s.capacity, snapshot: s.snapshot, enterpriseId: s.enterpriseId })
      .where(eq(eliminationPlanLine.id, planLineId));
  },
  /**
   * On approval: registered lines become planned, and every line's planned exit date becomes the
   * plan's deadline. The version moves so an edit based on the old line answers 409.
   */
  async markLinesPlanned(db: Db, planId: number, at: Date): Promise<{ id: number; status: string }[]> {
    const rows = await queryRows<{ id: number; status: string }>(
      db,
      sql`UPDATE line SET
            status = CASE WHEN line.status = 'registered' THEN 'planned' ELSE line.status END,
            planned_exit_date = epl.exit_deadline,
            version = line.version + 1,
            updated_at = ${at.toISOString()}::timestamptz
          FROM elimination_plan_line epl
          WHERE epl.plan_id = ${planId} AND line.id = epl.line_id
          RETURNING line.id, line.status`,
    );
    return rows.map((r) => ({ id: Number(r.id), status: r.status }));
  },
};
