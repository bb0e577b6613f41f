import { and, asc, count, desc, eq, gt, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agency, appUser, capacityUnit, enterprise, leadingGroup, leadingGroupMember, line, nonComplianceCase, region } from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';

/**
 * Reads of the non-compliance cases the lists are built from. These are case reads kept here until the case
 * module (`modules/non-compliance-case/`) lands: at merge they move behind that module's index.ts
 * (`listedCases`, `countListedCases`, `caseCountsBy*`), and this module calls them from there.
 */

/** Which cases a caller may see: the enterprise's region subtree, narrowed to one agency or one enterprise. */
export interface CaseScope {
  column: ScopeColumn;
  code: string;
  /** A department user sees its own agency's cases only (issue 12 "Who sees what"). */
  agencyId: number | null;
  /** An enterprise user sees its own enterprise's cases only. */
  enterpriseId: number | null;
}

export interface ListedCaseFilter {
  scope: CaseScope;
  statuses: readonly string[];
  criteria?: readonly string[];
}

const scopeWhere = (s: CaseScope): SQL | undefined =>
  and(
    s.column === 'all' ? undefined : eq(enterprise[s.column], s.code),
    s.agencyId !== null ? eq(nonComplianceCase.agencyId, s.agencyId) : undefined,
    s.enterpriseId !== null ? eq(nonComplianceCase.enterpriseId, s.enterpriseId) : undefined,
  );

const where = (f: ListedCaseFilter, cursorId?: number | null, ascending = false) =>
  and(
    scopeWhere(f.scope),
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

export const departmentListRepository = {
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
  /** Every case of a region subtree served in `year` or still open, for the yearly 处理情况 table (served date order). */
  casesOfYear(db: Db, scope: CaseScope, year: number): Promise<ListedCaseRow[]> {
    const yearOf = sql`extract(year from ${nonComplianceCase.servedOn})`;
    const open = inArray(nonComplianceCase.status, ['rectifying', 'restricted', 'suspended', 'stopped']);
    return joined(db)
      .where(and(scopeWhere(scope), sql`(${yearOf} = ${year} or (${open} and ${yearOf} < ${year}))`))
      .orderBy(asc(nonComplianceCase.servedOn), asc(nonComplianceCase.id));
  },
  /** Cases per ground and state in a scope (the dashboard's table). */
  async countsByCriterion(db: Db, scope: CaseScope): Promise<{ criterion: string; status: string; n: number }[]> {
    const rows = await db
      .select({ criterion: nonComplianceCase.criterion, status: nonComplianceCase.status, n: count() })
      .from(nonComplianceCase)
      .innerJoin(enterprise, eq(enterprise.id, nonComplianceCase.enterpriseId))
      .where(scopeWhere(scope))
      .groupBy(nonComplianceCase.criterion, nonComplianceCase.status);
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  },
  /** Listed cases per opening department and state (yellow and red counts by department). */
  async countsByAgency(db: Db, scope: CaseScope, statuses: readonly string[]): Promise<{ agencyId: number; agencyName: string; status: string; n: number }[]> {
    const rows = await db
      .select({ agencyId: nonComplianceCase.agencyId, agencyName: sql<string>`coalesce(${agency.name}, '')`, status: nonComplianceCase.status, n: count() })
      .from(nonComplianceCase)
      .innerJoin(enterprise, eq(enterprise.id, nonComplianceCase.enterpriseId))
      .leftJoin(agency, eq(agency.id, nonComplianceCase.agencyId))
      .where(and(scopeWhere(scope), inArray(nonComplianceCase.status, [...statuses])))
      .groupBy(nonComplianceCase.agencyId, agency.name, nonComplianceCase.status);
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  },
  /** The region's agencies of the given kinds (the departments of a ground). */
  async agencyIdsOf(db: Db, regionCode: string, kinds: readonly string[]): Promise<number[]> {
    const rows = await db.select({ id: agency.id }).from(agency).where(and(eq(agency.regionCode, regionCode), inArray(agency.kind, [...kinds])));
    return rows.map((r) => r.id);
  },
  /**
   * Who receives a published violators' list (002 §四(二)): the region's group-office accounts and the accounts
   * of every member agency of the region's leading group. Active accounts only.
   */
  async listRecipients(db: Db, regionCode: string): Promise<number[]> {
    const offices = await db
      .select({ id: appUser.id })
      .from(appUser)
      .where(and(eq(appUser.role, 'group_office'), eq(appUser.regionCode, regionCode), eq(appUser.disabled, false)));
    const members = await db
      .select({ id: appUser.id })
      .from(appUser)
      .innerJoin(leadingGroupMember, eq(leadingGroupMember.agencyId, appUser.agencyId))
      .innerJoin(leadingGroup, eq(leadingGroup.id, leadingGroupMember.groupId))
      .where(and(eq(leadingGroup.regionCode, regionCode), eq(appUser.role, 'member_agency'), eq(appUser.disabled, false)));
    return [...new Set([...offices, ...members].map((u) => u.id))];
  },
};
