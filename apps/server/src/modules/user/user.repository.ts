import { and, asc, count, desc, eq, gt, ilike, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agency, appUser, enterprise, region } from '../../db/schema/index.ts';

export type UserRow = typeof appUser.$inferSelect;
export type UserListRow = { u: UserRow; regionName: string | null; agencyName: string | null };

/** A region subtree as the column of `region` that equals the root's code for every member. */
export type RegionSubtree = { column: 'provinceCode' | 'prefectureCode' | 'countyCode' | 'code'; code: string } | 'all';

export interface UserFilter {
  subtree: RegionSubtree;
  q?: string;
  afterId?: number;
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

function whereOf(f: UserFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (f.subtree !== 'all') conds.push(eq(region[f.subtree.column], f.subtree.code));
  if (f.q) {
    const p = `%${escapeLike(f.q)}%`;
    conds.push(or(ilike(appUser.username, p), ilike(appUser.displayName, p)));
  }
  return and(...conds);
}

export const userRepository = {
  /** Active accounts with one of the roles at exactly one of the regions (who a notice for that office goes to). */
  async activeAt(db: Db, roles: string[], regionCodes: string[]): Promise<{ id: number }[]> {
    if (!roles.length || !regionCodes.length) return [];
    return db
      .select({ id: appUser.id })
      .from(appUser)
      .where(and(inArray(appUser.role, roles), inArray(appUser.regionCode, regionCodes), eq(appUser.disabled, false)))
      .orderBy(asc(appUser.id));
  },
  /** Full rows of active accounts with one of the roles at one of the regions (who may act on a to-do item). */
  async activeRowsAt(db: Db, roles: string[], regionCodes: string[]): Promise<(typeof appUser.$inferSelect)[]> {
    if (!roles.length || !regionCodes.length) return [];
    return db
      .select()
      .from(appUser)
      .where(and(inArray(appUser.role, roles), inArray(appUser.regionCode, regionCodes), eq(appUser.disabled, false)))
      .orderBy(asc(appUser.id));
  },
  /** Full rows of every active account of a role. */
  async activeRowsWithRole(db: Db, role: string): Promise<(typeof appUser.$inferSelect)[]> {
    return db
      .select()
      .from(appUser)
      .where(and(eq(appUser.role, role), eq(appUser.disabled, false)))
      .orderBy(asc(appUser.id));
  },
  /** Active accounts of a role anywhere (e.g. every admin, for a notice only the admin can act on). */
  async activeWithRole(db: Db, role: string): Promise<{ id: number }[]> {
    return db
      .select({ id: appUser.id })
      .from(appUser)
      .where(and(eq(appUser.role, role), eq(appUser.disabled, false)))
      .orderBy(asc(appUser.id));
  },
  /** Users in a subtree, oldest first; a left join keeps the country-wide admins (no region row). */
  async list(db: Db, f: UserFilter, limit: number, at: { descending?: boolean; offset?: number } = {}): Promise<UserListRow[]> {
    const { descending = false, offset = 0 } = at;
    // Keyset after `afterId` in the page's direction, or `offset` rows in (numbered pages); the primary key orders both.
    const after = f.afterId ? (descending ? lt : gt)(appUser.id, f.afterId) : undefined;
    return db
      .select({ u: appUser, regionName: region.fullName, agencyName: agency.name })
      .from(appUser)
      .leftJoin(region, eq(region.code, appUser.regionCode))
      .leftJoin(agency, eq(agency.id, appUser.agencyId))
      .where(and(whereOf(f), after))
      .orderBy(descending ? desc(appUser.id) : asc(appUser.id))
      .limit(limit)
      .offset(offset);
  },
  async count(db: Db, f: Omit<UserFilter, 'afterId'>): Promise<number> {
    const [r] = await db
      .select({ n: count() })
      .from(appUser)
      .leftJoin(region, eq(region.code, appUser.regionCode))
      .where(whereOf(f));
    return Number(r?.n ?? 0);
  },
  async byId(db: Db, id: number): Promise<UserListRow | null> {
    const rows = await db
      .select({ u: appUser, regionName: region.fullName, agencyName: agency.name })
      .from(appUser)
      .leftJoin(region, eq(region.code, appUser.regionCode))
      .leftJoin(agency, eq(agency.id, appUser.agencyId))
      .where(eq(appUser.id, id));
    return rows[0] ?? null;
  },
  async usernameTaken(db: Db, username: string): Promise<boolean> {
    const rows = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, username));
    return rows.length > 0;
  },
  async insert(db: Db, row: typeof appUser.$inferInsert): Promise<UserRow> {
    const [r] = await db.insert(appUser).values(row).returning();
    return r!;
  },
  async update(db: Db, id: number, patch: Partial<typeof appUser.$inferInsert>): Promise<void> {
    await db.update(appUser).set(patch).where(eq(appUser.id, id));
  },
  /** Where an enterprise sits, for the scope check of an enterprise account. */
  async enterpriseLocation(db: Db, id: number) {
    const rows = await db
      .select({
        id: enterprise.id,
        name: enterprise.name,
        regionCode: enterprise.regionCode,
        provinceCode: enterprise.provinceCode,
        prefectureCode: enterprise.prefectureCode,
        countyCode: enterprise.countyCode,
        townshipCode: enterprise.townshipCode,
      })
      .from(enterprise)
      .where(eq(enterprise.id, id));
    return rows[0] ?? null;
  },
};
