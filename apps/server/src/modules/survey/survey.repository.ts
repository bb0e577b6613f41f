import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  capacityUnit,
  enterprise,
  filing,
  industry,
  line,
  region,
  siteVerification,
  siteVerificationItem,
  surveyLine,
  surveyReport,
} from '../../db/schema/index.ts';
import type { RegionRow } from '../region/index.ts';

export type SurveyReportRow = typeof surveyReport.$inferSelect;
export type SurveyLineRow = typeof surveyLine.$inferSelect;
export type SurveyLineInsert = typeof surveyLine.$inferInsert;
export type VerificationRow = typeof siteVerification.$inferSelect;
export type VerificationItemRow = typeof siteVerificationItem.$inferSelect;

/** Lines a survey may list: not yet eliminated. */
const SURVEYABLE = ['registered', 'planned', 'stopped'];

/**
 * Enterprises in a region's reporting subtree. A prefecture's subtree leaves out its directly-administered
 * counties: they survey and file for themselves, to the province.
 */
function enterpriseInSubtree(r: RegionRow): SQL {
  switch (r.level) {
    case 'province':
      return eq(enterprise.provinceCode, r.code);
    case 'prefecture':
      return and(
        eq(enterprise.prefectureCode, r.code),
        sql`${enterprise.countyCode} NOT IN (SELECT dc.code FROM region dc WHERE dc.level = 'county' AND dc.directly_administered)`,
      )!;
    case 'county':
      return eq(enterprise.countyCode, r.code);
    default:
      return eq(enterprise.regionCode, r.code);
  }
}

/** The region column that puts a region row under a root (administratively; the reporting tree filters further). */
function regionUnder(r: RegionRow): SQL {
  switch (r.level) {
    case 'province':
      return eq(region.provinceCode, r.code);
    case 'prefecture':
      return eq(region.prefectureCode, r.code);
    case 'county':
      return eq(region.countyCode, r.code);
    default:
      return eq(region.code, r.code);
  }
}

const candidateColumns = {
  lineId: line.id,
  enterpriseId: enterprise.id,
  enterpriseName: enterprise.name,
  uscc: enterprise.uscc,
  regionCode: enterprise.regionCode,
  regionName: sql<string>`coalesce(${region.name}, ${enterprise.regionCode})`,
  lineName: line.name,
  specification: line.specification,
  capacity: line.capacity,
  capacityUnit: line.capacityUnit,
  capacityUnitName: sql<string>`coalesce(${capacityUnit.name}, ${line.capacityUnit})`,
  industryCode: line.industryCode,
  industryName: sql<string>`coalesce(${industry.name}, ${line.industryCode})`,
  criterion: line.criterion,
  lineStatus: line.status,
};

export type CandidateRow = Awaited<ReturnType<typeof surveyRepository.candidates>>[number];
export const surveyRepository = {
  /** Surveyable registry lines in a region's reporting subtree (optionally by enterprise name / USCC). */
  async candidates(db: Db, r: RegionRow, q: string | undefined, lineIds?: number[], enterpriseOnly: number | null = null) {
    const text = q ? `%${q.replace(/[%_\\]/g, '\\$&')}%` : null;
    const rows = await db
      .select(candidateColumns)
      .from(line)
      .innerJoin(enterprise, eq(enterprise.id, line.enterpriseId))
      .leftJoin(region, eq(region.code, enterprise.regionCode))
      .leftJoin(capacityUnit, eq(capacityUnit.code, line.capacityUnit))
      .leftJoin(industry, eq(industry.code, line.industryCode))
      .where(
        and(
          enterpriseInSubtree(r),
          inArray(line.status, SURVEYABLE),
          text ? or(ilike(enterprise.name, text), ilike(enterprise.uscc, text)) : undefined,
          lineIds ? inArray(line.id, lineIds.length ? lineIds : [-1]) : undefined,
          enterpriseOnly === null ? undefined : eq(enterprise.id, enterpriseOnly),
        ),
      )
      .orderBy(asc(enterprise.regionCode), asc(enterprise.id), asc(line.id))
      .limit(lineIds ? 10_000 : 2000);
    return rows;
  },
  async registryLineCount(db: Db, r: RegionRow): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(line)
      .innerJoin(enterprise, eq(enterprise.id, line.enterpriseId))
      .where(and(enterpriseInSubtree(r), inArray(line.status, SURVEYABLE)));
    return Number(row!.n);
  },
  async reportOf(db: Db, filingId: number): Promise<SurveyReportRow | null> {
    const rows = await db.select().from(surveyReport).where(eq(surveyReport.filingId, filingId));
    return rows[0] ?? null;
  },
  async saveReport(db: Db, row: SurveyReportRow): Promise<void> {
    await db
      .insert(surveyReport)
      .values(row)
      .onConflictDoUpdate({ target: surveyReport.filingId, set: { zeroReport: row.zeroReport, statement: row.statement, lineExplanations: row.lineExplanations } });
  },
  async insertLines(db: Db, rows: SurveyLineInsert[]): Promise<SurveyLineRow[]> {
    const out: SurveyLineRow[] = [];
    for (let i = 0; i < rows.length; i += 1000) out.push(...(await db.insert(surveyLine).values(rows.slice(i, i + 1000)).returning()));
    return out;
  },
  async linesOf(db: Db, filingId: number, revision: number): Promise<(SurveyLineRow & { unitName: string })[]> {
    const rows = await db
      .select({ l: surveyLine, unitName: sql<string>`coalesce(${capacityUnit.name}, ${surveyLine.capacityUnit})` })
      .from(surveyLine)
      .leftJoin(capacityUnit, eq(capacityUnit.code, surveyLine.capacityUnit))
      .where(and(eq(surveyLine.filingId, filingId), eq(surveyLine.revision, revision)))
      .orderBy(asc(surveyLine.id));
    return rows.map((r) => ({ ...r.l, unitName: r.unitName }));
  },
  async insertVerification(db: Db, row: typeof siteVerification.$inferInsert): Promise<VerificationRow> {
    const [r] = await db.insert(siteVerification).values(row).returning();
    return r!;
  },
  async insertVerificationItems(db: Db, rows: (typeof siteVerificationItem.$inferInsert)[]): Promise<void> {
    if (rows.length) await db.insert(siteVerificationItem).values(rows);
  },
  async verificationsOf(db: Db, filingId: number) {
    return db
      .select({ v: siteVerification, itemCount: sql<number>`count(${siteVerificationItem.id})::int` })
      .from(siteVerification)
      .leftJoin(siteVerificationItem, eq(siteVerificationItem.verificationId, siteVerification.id))
      .where(eq(siteVerification.filingId, filingId))
      .groupBy(siteVerification.id)
      .orderBy(desc(siteVerification.id));
  },
  /** The latest verification item of each survey line (lines of one revision). */
  async latestItems(db: Db, surveyLineIds: number[]) {
    if (surveyLineIds.length === 0) return [];
    return db
      .select({ item: siteVerificationItem, verifiedOn: siteVerification.verifiedOn, verifiedByName: siteVerification.verifiedByName })
      .from(siteVerificationItem)
      .innerJoin(siteVerification, eq(siteVerification.id, siteVerificationItem.verificationId))
      .where(inArray(siteVerificationItem.surveyLineId, surveyLineIds))
      .orderBy(asc(siteVerificationItem.id));
  },
  /** Survey reports of a year filed by regions under a root, with each filing's status and time. */
  async reportsUnder(db: Db, root: RegionRow, year: number) {
    return db
      .select({
        regionCode: surveyReport.regionCode,
        filingId: filing.id,
        status: filing.status,
        revision: filing.revision,
        zeroReport: surveyReport.zeroReport,
        lastSubmittedAt: filing.lastSubmittedAt,
      })
      .from(surveyReport)
      .innerJoin(filing, eq(filing.id, surveyReport.filingId))
      .innerJoin(region, eq(region.code, surveyReport.regionCode))
      .where(and(eq(surveyReport.year, year), regionUnder(root)));
  },
  /** Line count and exact capacity sum (numeric, as text) per unit for filings at their current revision. */
  async unitTotals(db: Db, filingIds: number[]): Promise<{ filingId: number; unit: string; lines: number; capacity: string }[]> {
    if (filingIds.length === 0) return [];
    const rows = await db
      .select({
        filingId: surveyLine.filingId,
        unit: surveyLine.capacityUnit,
        lines: sql<number>`count(*)::int`,
        capacity: sql<string>`sum(${surveyLine.capacity})::text`,
      })
      .from(surveyLine)
      .innerJoin(filing, and(eq(filing.id, surveyLine.filingId), eq(filing.revision, surveyLine.revision)))
      .where(inArray(surveyLine.filingId, filingIds))
      .groupBy(surveyLine.filingId, surveyLine.capacityUnit);
    return rows.map((r) => ({ ...r, lines: Number(r.lines), capacity: String(r.capacity) }));
  },
  async unitNames(db: Db): Promise<Map<string, string>> {
    const rows = await db.select().from(capacityUnit);
    return new Map(rows.map((u) => [u.code, u.name]));
  },
};
