import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { capacityUnit, industry, line } from '../../db/schema/index.ts';

export type LineRow = typeof line.$inferSelect;
export type LineInsert = typeof line.$inferInsert;
export type LineView = LineRow & { capacityUnitName: string; industryName: string };

const viewColumns = {
  l: line,
  capacityUnitName: sql<string>`coalesce(${capacityUnit.name}, ${line.capacityUnit})`,
  industryName: sql<string>`coalesce(${industry.name}, ${line.industryCode})`,
};

export const lineRepository = {
  /** The table guardedEdit updates under the version the user saw. */
  table: line,
  /** Lines of several enterprises at once (detail page, export batches), in id order. */
  async viewsOf(db: Db, enterpriseIds: number[]): Promise<LineView[]> {
    if (enterpriseIds.length === 0) return [];
    const rows = await db
      .select(viewColumns)
      .from(line)
      .leftJoin(capacityUnit, eq(capacityUnit.code, line.capacityUnit))
      .leftJoin(industry, eq(industry.code, line.industryCode))
      .where(inArray(line.enterpriseId, enterpriseIds))
      .orderBy(asc(line.enterpriseId), asc(line.id));
    return rows.map((r) => ({ ...r.l, capacityUnitName: r.capacityUnitName, industryName: r.industryName }));
  },
  async viewById(db: Db, id: number): Promise<LineView | null> {
    const rows = await db
      .select(viewColumns)
      .from(line)
      .leftJoin(capacityUnit, eq(capacityUnit.code, line.capacityUnit))
      .leftJoin(industry, eq(industry.code, line.industryCode))
      .where(eq(line.id, id));
    return rows[0] ? { ...rows[0].l, capacityUnitName: rows[0].capacityUnitName, industryName: rows[0].industryName } : null;
  },
  async byId(db: Db, id: number): Promise<LineRow | null> {
    const rows = await db.select().from(line).where(eq(line.id, id));
    return rows[0] ?? null;
  },
  async insert(db: Db, row: LineInsert): Promise<LineRow> {
    const [r] = await db.insert(line).values(row).returning();
    return r!;
  },
};
