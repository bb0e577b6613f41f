import { and, eq, ne, sql } from 'drizzle-orm';
import { CRITERIA } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { enterprise, industry, line, region } from '../../db/schema/index.ts';
import { criterionBit } from './criteria.ts';

export type EnterpriseRow = typeof enterprise.$inferSelect;
export type EnterpriseInsert = typeof enterprise.$inferInsert;
/** A row with the names the UI shows next to the codes. */
export type EnterpriseView = EnterpriseRow & { regionName: string; industryName: string };

/** Columns selected for an EnterpriseView. */
const enterpriseViewColumns = {
  e: enterprise,
  regionName: sql<string>`coalesce(${region.name}, ${enterprise.regionCode})`,
  industryName: sql<string>`coalesce(${industry.name}, ${enterprise.industryCode})`,
};

const flattenView = (r: { e: EnterpriseRow; regionName: string; industryName: string }): EnterpriseView => ({
  ...r.e,
  regionName: r.regionName,
  industryName: r.industryName,
});

// criteria_mask = OR of the bits of the criteria the enterprise's lines fail.
const maskOfCriterion = sql.join(
  [sql`CASE ${line.criterion}`, ...CRITERIA.map((c) => sql`WHEN ${c} THEN ${criterionBit(c)}::int`), sql`ELSE 0 END`],
  sql` `,
);

export const enterpriseRepository = {
  /** The table guardedEdit updates under the version the user saw. */
  table: enterprise,
  async viewById(db: Db, id: number): Promise<EnterpriseView | null> {
    const rows = await db
      .select(enterpriseViewColumns)
      .from(enterprise)
      .leftJoin(region, eq(region.code, enterprise.regionCode))
      .leftJoin(industry, eq(industry.code, enterprise.industryCode))
      .where(eq(enterprise.id, id));
    return rows[0] ? flattenView(rows[0]) : null;
  },
  /** Locks the row until the transaction ends, so line writes on one enterprise run one after another. */
  async byIdForUpdate(db: Db, id: number): Promise<EnterpriseRow | null> {
    const rows = await db.select().from(enterprise).where(eq(enterprise.id, id)).for('update');
    return rows[0] ?? null;
  },
  async byUscc(db: Db, uscc: string, exceptId?: number): Promise<EnterpriseRow | null> {
    const rows = await db
      .select()
      .from(enterprise)
      .where(and(eq(enterprise.uscc, uscc), exceptId === undefined ? undefined : ne(enterprise.id, exceptId)));
    return rows[0] ?? null;
  },
  async insert(db: Db, row: EnterpriseInsert): Promise<EnterpriseRow> {
    const [r] = await db.insert(enterprise).values(row).returning();
    return r!;
  },
  /**
   * Recomputes line_count and criteria_mask from the lines themselves, inside the transaction
   * that changed a line (the enterprise row is locked first, so counts never interleave).
   */
  async refreshLineStats(db: Db, id: number, at: Date): Promise<EnterpriseRow> {
    const [r] = await db
      .update(enterprise)
      .set({
        lineCount: sql`(SELECT count(*)::int FROM ${line} WHERE ${line.enterpriseId} = ${id})`,
        criteriaMask: sql`(SELECT coalesce(bit_or(${maskOfCriterion}), 0)::int FROM ${line} WHERE ${line.enterpriseId} = ${id})`,
        updatedAt: at,
      })
      .where(eq(enterprise.id, id))
      .returning();
    return r!;
  },
};
