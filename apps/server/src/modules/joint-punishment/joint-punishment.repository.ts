import { and, asc, count, desc, eq, gt, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agency, enterprise, jointPunishmentEntry, jointPunishmentRestriction, region } from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';

export type EntryRow = typeof jointPunishmentEntry.$inferSelect;
export type EntryInsert = typeof jointPunishmentEntry.$inferInsert;
export type RestrictionRow = typeof jointPunishmentRestriction.$inferSelect;

export interface EntryScope {
  column: ScopeColumn;
  code: string;
  enterpriseId: number | null;
}
export interface EntryFilter {
  scope: EntryScope;
  status?: string;
  statuses?: readonly string[];
  ground?: string;
  enterpriseId?: number;
}

const columns = {
  e: jointPunishmentEntry,
  enterpriseName: enterprise.name,
  uscc: enterprise.uscc,
  enterpriseStatus: enterprise.status,
  regionName: sql<string>`coalesce(${region.name}, ${jointPunishmentEntry.regionCode})`,
};
export type EntryView = { e: EntryRow; enterpriseName: string; uscc: string; enterpriseStatus: string; regionName: string };

const filterWhere = (f: EntryFilter): SQL | undefined =>
  and(
    f.scope.column === 'all' ? undefined : eq(jointPunishmentEntry[f.scope.column], f.scope.code),
    f.scope.enterpriseId !== null ? eq(jointPunishmentEntry.enterpriseId, f.scope.enterpriseId) : undefined,
    f.status ? eq(jointPunishmentEntry.status, f.status) : undefined,
    f.statuses ? inArray(jointPunishmentEntry.status, [...f.statuses]) : undefined,
    f.ground ? eq(jointPunishmentEntry.ground, f.ground) : undefined,
    f.enterpriseId ? eq(jointPunishmentEntry.enterpriseId, f.enterpriseId) : undefined,
  );

const viewQuery = (db: Db) =>
  db
    .select(columns)
    .from(jointPunishmentEntry)
    .innerJoin(enterprise, eq(enterprise.id, jointPunishmentEntry.enterpriseId))
    .leftJoin(region, eq(region.code, jointPunishmentEntry.regionCode));

export const jointPunishmentRepository = {
  table: jointPunishmentEntry,
  async insert(tx: Db, row: EntryInsert): Promise<EntryRow> {
    const [r] = await tx.insert(jointPunishmentEntry).values(row).returning();
    return r!;
  },
  list(db: Db, f: EntryFilter, opts: { afterId: number | null; ascending: boolean; offset: number; limit: number }): Promise<EntryView[]> {
    const key = opts.afterId ? (opts.ascending ? gt : lt)(jointPunishmentEntry.id, opts.afterId) : undefined;
    return viewQuery(db)
      .where(and(filterWhere(f), key))
      .orderBy(opts.ascending ? asc(jointPunishmentEntry.id) : desc(jointPunishmentEntry.id))
      .limit(opts.limit)
      .offset(opts.offset);
  },
  async count(db: Db, f: EntryFilter): Promise<number> {
    const [r] = await db.select({ n: count() }).from(jointPunishmentEntry).where(filterWhere(f));
    return Number(r?.n ?? 0);
  },
  async viewById(db: Db, id: number): Promise<EntryView | null> {
    return (await viewQuery(db).where(eq(jointPunishmentEntry.id, id)))[0] ?? null;
  },
  /** The enterprise's entry while it is on the list (one at a time). */
  async activeOf(db: Db, enterpriseId: number, active: readonly string[]): Promise<EntryRow | null> {
    const rows = await db
      .select()
      .from(jointPunishmentEntry)
      .where(and(eq(jointPunishmentEntry.enterpriseId, enterpriseId), inArray(jointPunishmentEntry.status, [...active])));
    return rows[0] ?? null;
  },
  restrictionsOf(db: Db, entryIds: number[]): Promise<RestrictionRow[]> {
    if (entryIds.length === 0) return Promise.resolve([]);
    return db.select().from(jointPunishmentRestriction).where(inArray(jointPunishmentRestriction.entryId, entryIds)).orderBy(asc(jointPunishmentRestriction.id));
  },
  async insertRestriction(tx: Db, row: typeof jointPunishmentRestriction.$inferInsert): Promise<RestrictionRow | null> {
    const rows = await tx.insert(jointPunishmentRestriction).values(row).onConflictDoNothing().returning();
    return rows[0] ?? null;
  },
  async agency(db: Db, id: number): Promise<{ id: number; name: string; regionCode: string } | null> {
    const [a] = await db.select({ id: agency.id, name: agency.name, regionCode: agency.regionCode }).from(agency).where(eq(agency.id, id));
    return a ?? null;
  },
  /** The office's agency row of a region (is_group_office), for the issuing agency's name. */
  async officeAgencyOf(db: Db, regionCode: string): Promise<{ id: number; name: string } | null> {
    const [a] = await db.select({ id: agency.id, name: agency.name }).from(agency).where(and(eq(agency.regionCode, regionCode), eq(agency.isGroupOffice, true)));
    return a ?? null;
  },

  /** Enterprises by id with name, USCC and region ancestry (the candidates' and the notice's names). */
  enterprises(db: Db, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .select({ id: enterprise.id, name: enterprise.name, uscc: enterprise.uscc, status: enterprise.status, regionCode: enterprise.regionCode })
      .from(enterprise)
      .where(inArray(enterprise.id, ids));
  },
};
