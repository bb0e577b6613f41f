import { and, asc, desc, eq, isNotNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enterprise, region, tip, tipFile, tipMessage } from '../../db/schema/index.ts';

export type TipRow = typeof tip.$inferSelect;
export type TipMessageRow = typeof tipMessage.$inferSelect;

const escapeLike = (q: string) => q.replace(/[%_\\]/g, '\\$&');

/** The public side's SQL (issue 13): filing, the tipster's look-up by receipt hash, published results, name search. */
export const publicTipRepository = {
  async enterpriseById(db: Db, id: number): Promise<{ id: number; name: string; regionCode: string } | null> {
    const [r] = await db.select({ id: enterprise.id, name: enterprise.name, regionCode: enterprise.regionCode }).from(enterprise).where(eq(enterprise.id, id));
    return r ?? null;
  },
  async insertTip(tx: Db, row: typeof tip.$inferInsert): Promise<TipRow> {
    const [r] = await tx.insert(tip).values(row).returning();
    return r!;
  },
  async insertFile(tx: Db, tipId: number, storedFileId: number, source: 'tipster' | 'office'): Promise<void> {
    await tx.insert(tipFile).values({ tipId, storedFileId, source });
  },
  async insertMessage(tx: Db, row: typeof tipMessage.$inferInsert): Promise<TipMessageRow> {
    const [r] = await tx.insert(tipMessage).values(row).returning();
    return r!;
  },
  async byReceiptHash(db: Db, hash: string): Promise<TipRow | null> {
    const [r] = await db.select().from(tip).where(eq(tip.receiptHash, hash));
    return r ?? null;
  },
  async countTipsterFiles(db: Db, tipId: number): Promise<number> {
    const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(tipFile).where(and(eq(tipFile.tipId, tipId), eq(tipFile.source, 'tipster')));
    return r?.n ?? 0;
  },
  async messagesOf(db: Db, tipId: number): Promise<TipMessageRow[]> {
    return db.select().from(tipMessage).where(eq(tipMessage.tipId, tipId)).orderBy(asc(tipMessage.at), asc(tipMessage.id));
  },
  async regionFullName(db: Db, code: string): Promise<string> {
    const [r] = await db.select({ fullName: region.fullName }).from(region).where(eq(region.code, code));
    return r?.fullName ?? code;
  },
  /** Concluded and published tips, newest first, optionally within a region (any level: the place's own code or an ancestor). */
  async published(db: Db, opts: { regionCode?: string | undefined; limit: number; offset: number }) {
    const within = opts.regionCode
      ? or(
          eq(region.code, opts.regionCode),
          eq(region.countyCode, opts.regionCode),
          eq(region.prefectureCode, opts.regionCode),
          eq(region.provinceCode, opts.regionCode),
        )
      : undefined;
    const where = and(isNotNull(tip.publishedAt), eq(tip.status, 'concluded'), within);
    const rows = await db
      .select({
        id: tip.id,
        matter: tip.matter,
        regionName: region.fullName,
        enterpriseName: sql<string | null>`coalesce(${enterprise.name}, ${tip.enterpriseName})`,
        finding: tip.finding,
        measures: tip.measures,
        concludedOn: tip.concludedOn,
      })
      .from(tip)
      .innerJoin(region, eq(region.code, tip.regionCode))
      .leftJoin(enterprise, eq(enterprise.id, tip.enterpriseId))
      .where(where)
      .orderBy(desc(tip.concludedOn), desc(tip.id))
      .limit(opts.limit)
      .offset(opts.offset);
    const [n] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(tip)
      .innerJoin(region, eq(region.code, tip.regionCode))
      .where(where);
    return { rows, total: n?.n ?? 0 };
  },
  /** Registered enterprises whose name contains `q`, for the public form's name search (at most `limit`). */
  async enterpriseNames(db: Db, q: string, limit: number) {
    return db
      .select({ id: enterprise.id, name: enterprise.name, regionName: region.fullName })
      .from(enterprise)
      .innerJoin(region, eq(region.code, enterprise.regionCode))
      .where(like(enterprise.name, `%${escapeLike(q)}%`))
      .orderBy(asc(sql`length(${enterprise.name})`), asc(enterprise.id))
      .limit(limit);
  },
};
