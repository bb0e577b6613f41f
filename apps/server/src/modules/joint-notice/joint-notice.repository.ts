import { and, asc, count, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agency, enterprise, jointNotice, jointNoticeItem, region } from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';

export type NoticeRow = typeof jointNotice.$inferSelect;
export type ItemRow = typeof jointNoticeItem.$inferSelect;
export type NoticeView = { n: NoticeRow; regionName: string };
export type ItemView = { i: ItemRow; enterpriseName: string; uscc: string; agencyName: string; regionCode: string };

const noticeQuery = (db: Db) =>
  db
    .select({ n: jointNotice, regionName: sql<string>`coalesce(${region.name}, ${jointNotice.regionCode})` })
    .from(jointNotice)
    .leftJoin(region, eq(region.code, jointNotice.regionCode));

const itemQuery = (db: Db) =>
  db
    .select({ i: jointNoticeItem, enterpriseName: enterprise.name, uscc: enterprise.uscc, agencyName: sql<string>`coalesce(${agency.name}, '')`, regionCode: jointNotice.regionCode })
    .from(jointNoticeItem)
    .innerJoin(jointNotice, eq(jointNotice.id, jointNoticeItem.noticeId))
    .innerJoin(enterprise, eq(enterprise.id, jointNoticeItem.enterpriseId))
    .leftJoin(agency, eq(agency.id, jointNoticeItem.agencyId));

const scopeWhere = (s: { column: ScopeColumn; code: string }) => (s.column === 'all' ? undefined : eq(jointNotice[s.column], s.code));

export const jointNoticeRepository = {
  itemTable: jointNoticeItem,
  async insertNotice(tx: Db, row: typeof jointNotice.$inferInsert): Promise<NoticeRow> {
    const [r] = await tx.insert(jointNotice).values(row).returning();
    return r!;
  },
  async insertItems(tx: Db, rows: (typeof jointNoticeItem.$inferInsert)[]): Promise<{ id: number; enterpriseId: number; action: string; agencyId: number }[]> {
    if (!rows.length) return [];
    return tx.insert(jointNoticeItem).values(rows).returning({ id: jointNoticeItem.id, enterpriseId: jointNoticeItem.enterpriseId, action: jointNoticeItem.action, agencyId: jointNoticeItem.agencyId });
  },
  /** How many notices the region has issued this year (the next document number follows it). */
  async countOfYear(tx: Db, regionCode: string, year: number): Promise<number> {
    const [r] = await tx
      .select({ n: count() })
      .from(jointNotice)
      .where(and(eq(jointNotice.regionCode, regionCode), sql`extract(year from ${jointNotice.issuedOn}) = ${year}`));
    return Number(r?.n ?? 0);
  },
  list(db: Db, s: { column: ScopeColumn; code: string }, opts: { afterId: number | null; ascending: boolean; offset: number; limit: number }): Promise<NoticeView[]> {
    const key = opts.afterId ? (opts.ascending ? gt : lt)(jointNotice.id, opts.afterId) : undefined;
    return noticeQuery(db)
      .where(and(scopeWhere(s), key))
      .orderBy(opts.ascending ? asc(jointNotice.id) : desc(jointNotice.id))
      .limit(opts.limit)
      .offset(opts.offset);
  },
  async count(db: Db, s: { column: ScopeColumn; code: string }): Promise<number> {
    const [r] = await db.select({ n: count() }).from(jointNotice).where(scopeWhere(s));
    return Number(r?.n ?? 0);
  },
  async byId(db: Db, id: number): Promise<NoticeView | null> {
    return (await noticeQuery(db).where(eq(jointNotice.id, id)))[0] ?? null;
  },
  itemsOf(db: Db, noticeIds: number[]): Promise<ItemView[]> {
    if (noticeIds.length === 0) return Promise.resolve([]);
    return itemQuery(db).where(inArray(jointNoticeItem.noticeId, noticeIds)).orderBy(asc(jointNoticeItem.id));
  },
  /** Pending items addressed to one agency (or all, for the reminder job), for the to-do list. */
  pendingItems(db: Db, agencyId: number | null, statuses: string[], limit: number): Promise<ItemView[]> {
    return itemQuery(db)
      .where(and(inArray(jointNoticeItem.status, statuses), agencyId !== null ? eq(jointNoticeItem.agencyId, agencyId) : undefined))
      .orderBy(asc(jointNoticeItem.id))
      .limit(limit);
  },
  async itemById(db: Db, id: number): Promise<ItemView | null> {
    return (await itemQuery(db).where(eq(jointNoticeItem.id, id)))[0] ?? null;
  },
  /** Agencies of the given kinds in the given regions (the departments a notice addresses). */
  agenciesIn(db: Db, regionCodes: string[], kinds: string[]) {
    if (regionCodes.length === 0) return Promise.resolve([]);
    return db.select({ id: agency.id, name: agency.name, kind: agency.kind, regionCode: agency.regionCode }).from(agency).where(and(inArray(agency.regionCode, regionCodes), inArray(agency.kind, kinds)));
  },
};
