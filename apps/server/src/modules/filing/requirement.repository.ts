import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agency, appUser, filingRequirement, filingTarget, leadingGroup, leadingGroupMember, region } from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';

export type RequirementRow = typeof filingRequirement.$inferSelect;
export type RequirementInsert = typeof filingRequirement.$inferInsert;
export type TargetRow = typeof filingTarget.$inferSelect;
export type TargetInsert = typeof filingTarget.$inferInsert;
export type RequirementView = RequirementRow & { issuerRegionName: string; issuerAgencyName: string | null };

const viewColumns = {
  r: filingRequirement,
  issuerRegionName: sql<string>`coalesce(${region.name}, ${filingRequirement.issuerRegionCode})`,
  issuerAgencyName: sql<string | null>`${agency.name}`,
};
const flatten = (x: { r: RequirementRow; issuerRegionName: string; issuerAgencyName: string | null }): RequirementView => ({
  ...x.r,
  issuerRegionName: x.issuerRegionName,
  issuerAgencyName: x.issuerAgencyName,
});

const scopeColumn = (c: Exclude<ScopeColumn, 'all'>) =>
  c === 'provinceCode' ? region.provinceCode : c === 'prefectureCode' ? region.prefectureCode : c === 'countyCode' ? region.countyCode : region.code;

export interface RequirementFilters {
  year?: number;
  kind?: string;
  issuer?: string;
}

const filterConds = (f: RequirementFilters) => [
  f.year ? eq(filingRequirement.year, f.year) : undefined,
  f.kind ? eq(filingRequirement.kind, f.kind) : undefined,
  f.issuer ? eq(filingRequirement.issuerRegionCode, f.issuer) : undefined,
];

/** Who files for a unit: the region's office or town account, or the member agency's account. */
export interface FilerIdentity {
  regionCode: string | null;
  agencyId: number | null;
}

export const requirementRepository = {
  /** The table guardedEdit updates under the version the user saw. */
  table: filingRequirement,
  async viewById(db: Db, id: number): Promise<RequirementView | null> {
    const rows = await db
      .select(viewColumns)
      .from(filingRequirement)
      .leftJoin(region, eq(region.code, filingRequirement.issuerRegionCode))
      .leftJoin(agency, eq(agency.id, filingRequirement.issuerAgencyId))
      .where(eq(filingRequirement.id, id));
    return rows[0] ? flatten(rows[0]) : null;
  },
  async byIdForUpdate(db: Db, id: number): Promise<RequirementRow | null> {
    const rows = await db.select().from(filingRequirement).where(eq(filingRequirement.id, id)).for('update');
    return rows[0] ?? null;
  },
  /** Requirements issued by regions in a subtree (scope column = code). */
  async issuedInScope(db: Db, scope: { column: ScopeColumn; code: string }, f: RequirementFilters): Promise<RequirementView[]> {
    const rows = await db
      .select(viewColumns)
      .from(filingRequirement)
      .innerJoin(region, eq(region.code, filingRequirement.issuerRegionCode))
      .leftJoin(agency, eq(agency.id, filingRequirement.issuerAgencyId))
      .where(and(scope.column === 'all' ? undefined : eq(scopeColumn(scope.column), scope.code), ...filterConds(f)))
      .orderBy(desc(filingRequirement.year), desc(filingRequirement.id))
      .limit(500);
    return rows.map(flatten);
  },
  /** Requirements with a target the filer answers for. */
  async addressedTo(db: Db, who: FilerIdentity, f: RequirementFilters): Promise<RequirementView[]> {
    const match = targetMatch(who);
    if (!match) return [];
    const rows = await db
      .select(viewColumns)
      .from(filingRequirement)
      .innerJoin(filingTarget, and(eq(filingTarget.requirementId, filingRequirement.id), match))
      .leftJoin(region, eq(region.code, filingRequirement.issuerRegionCode))
      .leftJoin(agency, eq(agency.id, filingRequirement.issuerAgencyId))
      .where(and(...filterConds(f)))
      .orderBy(desc(filingRequirement.year), desc(filingRequirement.id))
      .limit(500);
    return rows.map(flatten);
  },
  async ofIssuer(db: Db, issuerRegionCode: string, year: number | undefined): Promise<RequirementView[]> {
    const rows = await db
      .select(viewColumns)
      .from(filingRequirement)
      .leftJoin(region, eq(region.code, filingRequirement.issuerRegionCode))
      .leftJoin(agency, eq(agency.id, filingRequirement.issuerAgencyId))
      .where(and(eq(filingRequirement.issuerRegionCode, issuerRegionCode), year ? eq(filingRequirement.year, year) : undefined))
      .orderBy(asc(filingRequirement.id));
    return rows.map(flatten);
  },
  /** Every requirement (the reminder sweep walks them all; there are a few hundred a year). */
  async all(db: Db): Promise<RequirementRow[]> {
    return db.select().from(filingRequirement).orderBy(asc(filingRequirement.id));
  },
  async insert(db: Db, row: RequirementInsert): Promise<RequirementRow> {
    const [r] = await db.insert(filingRequirement).values(row).returning();
    return r!;
  },
  async insertTargets(db: Db, rows: TargetInsert[]): Promise<TargetRow[]> {
    if (rows.length === 0) return [];
    return db.insert(filingTarget).values(rows).returning();
  },
  async targetsOf(db: Db, requirementIds: number[]): Promise<TargetRow[]> {
    if (requirementIds.length === 0) return [];
    return db.select().from(filingTarget).where(inArray(filingTarget.requirementId, requirementIds)).orderBy(asc(filingTarget.id));
  },
  /** The targets among some requirements that a filer answers for. */
  async targetsMatching(db: Db, who: FilerIdentity, requirementIds: number[]): Promise<TargetRow[]> {
    const match = targetMatch(who);
    if (!match || requirementIds.length === 0) return [];
    return db.select().from(filingTarget).where(and(inArray(filingTarget.requirementId, requirementIds), match));
  },
  async targetCounts(db: Db, requirementIds: number[]): Promise<Map<number, number>> {
    if (requirementIds.length === 0) return new Map();
    const rows = await db
      .select({ id: filingTarget.requirementId, n: sql<number>`count(*)::int` })
      .from(filingTarget)
      .where(inArray(filingTarget.requirementId, requirementIds))
      .groupBy(filingTarget.requirementId);
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  },
  /** Member agencies of a region's leading group, without the group's office (it is the issuer). */
  async memberAgencies(db: Db, regionCode: string) {
    return db
      .select({ id: agency.id, name: agency.name, regionCode: agency.regionCode })
      .from(leadingGroup)
      .innerJoin(leadingGroupMember, eq(leadingGroupMember.groupId, leadingGroup.id))
      .innerJoin(agency, eq(agency.id, leadingGroupMember.agencyId))
      .where(
        and(
          eq(leadingGroup.regionCode, regionCode),
          or(isNull(leadingGroup.officeAgencyId), sql`${agency.id} <> ${leadingGroup.officeAgencyId}`),
          eq(agency.isGroupOffice, false),
          sql`${agency.kind} <> 'government'`,
        ),
      )
      .orderBy(asc(agency.id));
  },
  /** Active accounts that file for a target (reminders go to them). */
  async responsibleUsers(db: Db, t: { regionCode: string | null; agencyId: number | null }): Promise<{ id: number }[]> {
    if (t.agencyId !== null) {
      return db
        .select({ id: appUser.id })
        .from(appUser)
        .where(and(eq(appUser.agencyId, t.agencyId), eq(appUser.role, 'member_agency'), eq(appUser.disabled, false)));
    }
    if (t.regionCode === null) return [];
    return db
      .select({ id: appUser.id })
      .from(appUser)
      .where(and(eq(appUser.regionCode, t.regionCode), inArray(appUser.role, ['group_office', 'town']), eq(appUser.disabled, false)));
  },
};

/** SQL match of filing_target rows a filer answers for (null: the account files for nobody). */
export function targetMatch(who: FilerIdentity) {
  if (who.agencyId !== null) return eq(filingTarget.agencyId, who.agencyId);
  if (who.regionCode !== null) return and(eq(filingTarget.regionCode, who.regionCode), isNull(filingTarget.agencyId));
  return null;
}
