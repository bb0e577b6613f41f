import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { agency, leadingGroup, leadingGroupMember, region } from '../../db/schema/index.ts';

/** Drizzle leaves a column unqualified in a single-table select, so qualify it by hand inside the subquery. */
const HAS_CHILDREN = sql<boolean>`EXISTS (SELECT 1 FROM region c WHERE c.parent_code = "region"."code")`;

export type RegionRow = typeof region.$inferSelect;

export const regionRepository = {
  async byCode(db: Db, code: string): Promise<RegionRow | null> {
    const rows = await db.select().from(region).where(eq(region.code, code));
    return rows[0] ?? null;
  },
  async byCodes(db: Db, codes: string[]): Promise<RegionRow[]> {
    if (codes.length === 0) return [];
    return db.select().from(region).where(inArray(region.code, codes));
  },
  async byNames(db: Db, names: string[], underCode: { column: 'countyCode' | 'prefectureCode' | 'provinceCode'; code: string } | null) {
    if (names.length === 0) return [];
    const conds = [inArray(region.name, names)];
    if (underCode) conds.push(eq(region[underCode.column], underCode.code));
    return db.select().from(region).where(and(...conds));
  },
  async children(db: Db, parentCode: string | null, limit: number) {
    return db
      .select({
        row: region,
        hasChildren: HAS_CHILDREN,
      })
      .from(region)
      .where(parentCode === null ? sql`${region.parentCode} IS NULL` : eq(region.parentCode, parentCode))
      .orderBy(asc(region.code))
      .limit(limit);
  },
  /** Name search inside a subtree given as an ancestor column = code (or the whole country). */
  async search(db: Db, q: string, scope: { column: string; code: string }, limit: number) {
    const col = scope.column === 'all' ? null : (region as any)[scope.column];
    return db
      .select({
        row: region,
        hasChildren: HAS_CHILDREN,
      })
      .from(region)
      .where(and(like(region.name, `%${q.replace(/[%_\\]/g, '\\$&')}%`), col ? eq(col, scope.code) : undefined))
      .orderBy(asc(region.depth), asc(region.code))
      .limit(limit);
  },
  async count(db: Db): Promise<number> {
    const rows = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM region`);
    return rows[0]!.n;
  },
  async insertMany(db: Db, rows: (typeof region.$inferInsert)[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 2000) {
      await db.insert(region).values(rows.slice(i, i + 2000)).onConflictDoNothing();
    }
  },
  async nextParkCode(db: Db): Promise<string> {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`SELECT coalesce(max(substr(code, 2)::int), 0) + 1 AS n FROM region WHERE level = 'park'`,
    );
    return `P${String(rows[0]!.n).padStart(6, '0')}`;
  },
  async agencyById(db: Db, id: number) {
    const rows = await db.select().from(agency).where(eq(agency.id, id));
    return rows[0] ?? null;
  },
  async agenciesOf(db: Db, regionCode: string) {
    return db.select().from(agency).where(eq(agency.regionCode, regionCode)).orderBy(asc(agency.id));
  },
  async insertAgency(db: Db, row: typeof agency.$inferInsert) {
    const [r] = await db.insert(agency).values(row).returning();
    return r!;
  },
  async leadingGroupOf(db: Db, regionCode: string) {
    const [g] = await db.select().from(leadingGroup).where(eq(leadingGroup.regionCode, regionCode));
    if (!g) return null;
    const members = await db
      .select({ m: leadingGroupMember, agencyName: agency.name })
      .from(leadingGroupMember)
      .innerJoin(agency, eq(agency.id, leadingGroupMember.agencyId))
      .where(eq(leadingGroupMember.groupId, g.id))
      .orderBy(asc(leadingGroupMember.id));
    return { group: g, members };
  },
  async insertLeadingGroup(db: Db, row: typeof leadingGroup.$inferInsert) {
    const [r] = await db.insert(leadingGroup).values(row).returning();
    return r!;
  },
  async insertGroupMembers(db: Db, rows: (typeof leadingGroupMember.$inferInsert)[]) {
    if (rows.length) await db.insert(leadingGroupMember).values(rows);
  },
};
