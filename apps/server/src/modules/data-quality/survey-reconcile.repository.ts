import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { capacityUnit, filing, region, surveyLine, surveyReport } from '../../db/schema/index.ts';

/** What the survey reconciliation reads (ADR 0018): survey filings, their totals per unit, the reporting children. */
export const surveyReconcileRepository = {
  reports(db: Db, province: string | null) {
    return db
      .select({
        regionCode: surveyReport.regionCode,
        regionName: region.name,
        level: region.level,
        year: surveyReport.year,
        filingId: filing.id,
        status: filing.status,
        lastSubmittedAt: filing.lastSubmittedAt,
      })
      .from(surveyReport)
      .innerJoin(filing, eq(filing.id, surveyReport.filingId))
      .innerJoin(region, eq(region.code, surveyReport.regionCode))
      .where(province ? eq(region.provinceCode, province) : undefined);
  },
  /** Capacity per unit of filings at their current revision (numeric sums as text: exact). */
  async totals(db: Db, filingIds: number[]) {
    if (filingIds.length === 0) return [];
    return db
      .select({ filingId: surveyLine.filingId, unit: surveyLine.capacityUnit, capacity: sql<string>`sum(${surveyLine.capacity})::text` })
      .from(surveyLine)
      .innerJoin(filing, and(eq(filing.id, surveyLine.filingId), eq(filing.revision, surveyLine.revision)))
      .where(inArray(surveyLine.filingId, filingIds))
      .groupBy(surveyLine.filingId, surveyLine.capacityUnit);
  },
  /**
   * Regions reporting to each parent (the reporting relation: a 省直管县 reports to its province, not to its
   * prefecture; townships and parks to their county).
   */
  async reportingChildren(db: Db, parents: { code: string; level: string }[]) {
    if (parents.length === 0) return [];
    const codes = parents.map((p) => p.code);
    const provinces = parents.filter((p) => p.level === 'province').map((p) => p.code);
    const rows = await db
      .select({ code: region.code, parentCode: region.parentCode, provinceCode: region.provinceCode, directly: region.directlyAdministered })
      .from(region)
      .where(or(inArray(region.parentCode, codes), provinces.length ? and(eq(region.directlyAdministered, true), inArray(region.provinceCode, provinces)) : undefined));
    return rows.map((r) => ({ code: r.code, reportsTo: r.directly ? r.provinceCode : r.parentCode }));
  },
  async unitNames(db: Db): Promise<Map<string, string>> {
    return new Map((await db.select().from(capacityUnit)).map((u) => [u.code, u.name]));
  },
};
