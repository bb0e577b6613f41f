import { and, asc, count, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agency, capacityUnit, enterprise, line, nonComplianceCase, region } from '../../db/schema/index.ts';
import { type CaseReach, reachWhere } from './non-compliance-case.repository.ts';

/**
 * Case reads for the department lists (黄牌/红牌名单, the yearly 处理情况 table, the dashboard counts; issue 12).
 * They were in the department-list module while this module was built in parallel; every read goes through
 * the one reach (`casePolicy.reach`, `reachWhere`), so the lists and `/cases` agree on who sees which case.
 */

export interface ListedCaseFilter {
  reach: CaseReach;
  statuses: readonly string[];
  criteria?: readonly string[];
}

const where = (f: ListedCaseFilter, cursorId?: number | null, ascending = false) =>
  and(
    reachWhere(f.reach),
    inArray(nonComplianceCase.status, [...f.statuses]),
    f.criteria?.length ? inArray(nonComplianceCase.criterion, [...f.criteria]) : undefined,
    cursorId ? (ascending ? gt : lt)(nonComplianceCase.id, cursorId) : undefined,
  );

const columns = {
  c: nonComplianceCase,
  enterpriseName: enterprise.name,
  uscc: enterprise.uscc,
  regionCode: enterprise.regionCode,
  regionFullName: sql<string>`coalesce(${region.fullName}, ${enterprise.regionCode})`,
  regionName: sql<string>`coalesce(${region.name}, ${enterprise.regionCode})`,
  lineName: line.name,
  specification: line.specification,
  capacity: line.capacity,
  capacityUnit: line.capacityUnit,
  unitName: sql<string | null>`coalesce(${capacityUnit.name}, ${line.capacityUnit})`,
  agencyName: sql<string>`coalesce(${agency.name}, '')`,
};

/** A listed case with what the lists print: enterprise, region, line and capacity, the opening department. */
export type ListedCaseRow = {
  c: typeof nonComplianceCase.$inferSelect;
  enterpriseName: string;
  uscc: string;
  regionCode: string;
  regionFullName: string;
  regionName: string;
  lineName: string | null;
  specification: string | null;
  capacity: string | null;
  capacityUnit: string | null;
  unitName: string | null;
  agencyName: string;
};

const joined = (db: Db) =>
  db
    .select(columns)
    .from(nonComplianceCase)
    .innerJoin(enterprise, eq(enterprise.id, nonComplianceCase.enterpriseId))
    .leftJoin(region, eq(region.code, enterprise.regionCode))
    .leftJoin(line, eq(line.id, nonComplianceCase.lineId))
    .leftJoin(capacityUnit, eq(capacityUnit.code, line.capacityUnit))
    .leftJoin(agency, eq(agency.id, nonComplianceCase.agencyId));

export const caseListRepository = {
  /** Listed cases newest first (or oldest first), after the keyset id or `offset` rows in. */
  listedCases(db: Db, f: ListedCaseFilter, opts: { cursorId: number | null; ascending?: boolean; offset?: number; limit: number }): Promise<ListedCaseRow[]> {
    return joined(db)
      .where(where(f, opts.cursorId, opts.ascending))
      .orderBy(opts.ascending ? asc(nonComplianceCase.id) : desc(nonComplianceCase.id))
      .limit(opts.limit)
      .offset(opts.offset ?? 0);
  },
  async countListedCases(db: Db, f: ListedCaseFilter): Promise<number> {
    const [r] = await db
      .select({ n: count() })
      .from(nonComplianceCase)
      .innerJoin(enterprise, eq(enterprise.id, nonComplianceCase.enterpriseId))
      .where(where(f));
    return Number(r?.n ?? 0);
  },
  /** Every case in reach served in `year` or still open, for the yearly 处理情况 table (served date order). */
  casesOfYear(db: Db, reach: CaseReach, year: number): Promise<ListedCaseRow[]> {
    const yearOf = sql`extract(year from ${nonComplianceCase.servedOn})`;
    const open = inArray(nonComplianceCase.status, ['rectifying', 'restricted', 'suspended', 'stopped']);
    return joined(db)
      .where(and(reachWhere(reach), sql`(${yearOf} = ${year} or (${open} and ${yearOf} < ${year}))`))
      .orderBy(asc(nonComplianceCase.servedOn), asc(nonComplianceCase.id));
  },
  /** Cases per ground and state in reach (the dashboard's table). */
  async countsByCriterion(db: Db, reach: CaseReach): Promise<{ criterion: string; status: string; n: number }[]> {
    const rows = await db
      .select({ criterion: nonComplianceCase.criterion, status: nonComplianceCase.status, n: count() })
      .from(nonComplianceCase)
      .innerJoin(enterprise, eq(enterprise.id, nonComplianceCase.enterpriseId))
      .where(reachWhere(reach))
      .groupBy(nonComplianceCase.criterion, nonComplianceCase.status);
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  },
  /** Cases in reach per opening department and state, of the given states (yellow and red counts by department). */
  async countsByAgency(db: Db, reach: CaseReach, statuses: readonly string[]): Promise<{ agencyId: number; agencyName: string; status: string; n: number }[]> {
    const rows = await db
      .select({ agencyId: nonComplianceCase.agencyId, agencyName: sql<string>`coalesce(${agency.name}, '')`, status: nonComplianceCase.status, n: count() })
      .from(nonComplianceCase)
      .innerJoin(enterprise, eq(enterprise.id, nonComplianceCase.enterpriseId))
      .leftJoin(agency, eq(agency.id, nonComplianceCase.agencyId))
      .where(and(reachWhere(reach), inArray(nonComplianceCase.status, [...statuses])))
      .groupBy(nonComplianceCase.agencyId, agency.name, nonComplianceCase.status);
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  },
};
