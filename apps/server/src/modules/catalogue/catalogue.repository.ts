import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { basisItem, capacityUnit, industry, line } from '../../db/schema/index.ts';

export type IndustryRow = typeof industry.$inferSelect;
export type BasisItemRow = typeof basisItem.$inferSelect;
export type CapacityUnitRow = typeof capacityUnit.$inferSelect;

export const catalogueRepository = {
  async units(db: Db): Promise<CapacityUnitRow[]> {
    return db.select().from(capacityUnit).orderBy(asc(capacityUnit.code));
  },
  async unitByCode(db: Db, code: string): Promise<CapacityUnitRow | null> {
    const rows = await db.select().from(capacityUnit).where(eq(capacityUnit.code, code));
    return rows[0] ?? null;
  },
  async industries(db: Db): Promise<IndustryRow[]> {
    return db.select().from(industry).orderBy(asc(industry.sortOrder), asc(industry.code));
  },
  /**
   * `lock` inside a transaction: a line write takes `share` and an industry edit `update`, so an
   * industry's unit never changes between a line's unit check and its commit.
   */
  async industryByCode(db: Db, code: string, lock?: 'share' | 'update'): Promise<IndustryRow | null> {
    const q = db.select().from(industry).where(eq(industry.code, code));
    const rows = lock ? await q.for(lock) : await q;
    return rows[0] ?? null;
  },
  async industryByName(db: Db, name: string): Promise<IndustryRow | null> {
    const rows = await db.select().from(industry).where(eq(industry.name, name));
    return rows[0] ?? null;
  },
  async insertIndustry(db: Db, row: typeof industry.$inferInsert): Promise<IndustryRow> {
    const [r] = await db.insert(industry).values(row).returning();
    return r!;
  },
  async updateIndustry(db: Db, code: string, set: Partial<typeof industry.$inferInsert>): Promise<IndustryRow> {
    const [r] = await db.update(industry).set(set).where(eq(industry.code, code)).returning();
    return r!;
  },
  /** Units already used by an industry's lines: its unit cannot change while lines use the old one. */
  async lineUnitsOfIndustry(db: Db, code: string): Promise<{ unit: string; n: number }[]> {
    return queryRows(
      db,
      sql`SELECT ${line.capacityUnit} AS unit, count(*)::int AS n FROM ${line} WHERE ${line.industryCode} = ${code} GROUP BY 1`,
    );
  },
  async basisItems(db: Db, f: { criterion?: string; industry?: string; active?: boolean }): Promise<BasisItemRow[]> {
    return db
      .select()
      .from(basisItem)
      .where(
        and(
          f.criterion ? eq(basisItem.criterion, f.criterion) : undefined,
          f.industry ? or(eq(basisItem.industryCode, f.industry), isNull(basisItem.industryCode)) : undefined,
          f.active === undefined ? undefined : eq(basisItem.active, f.active),
        ),
      )
      .orderBy(asc(basisItem.criterion), asc(basisItem.id));
  },
  async basisItemById(db: Db, id: number): Promise<BasisItemRow | null> {
    const rows = await db.select().from(basisItem).where(eq(basisItem.id, id));
    return rows[0] ?? null;
  },
  async insertBasisItem(db: Db, row: typeof basisItem.$inferInsert): Promise<BasisItemRow> {
    const [r] = await db.insert(basisItem).values(row).returning();
    return r!;
  },
  async updateBasisItem(db: Db, id: number, set: Partial<typeof basisItem.$inferInsert>): Promise<BasisItemRow> {
    const [r] = await db.update(basisItem).set(set).where(eq(basisItem.id, id)).returning();
    return r!;
  },
};
