import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { region } from '../../db/schema/index.ts';
import { type ReportingRegion, reportingParentOf } from './reporting-tree.ts';

export type ReportingRow = typeof region.$inferSelect;

/** reporting_parent(region) in SQL: the province for a directly-administered county, else the parent. */
const reportingParentSql = sql`(CASE WHEN ${region.level} = 'county' AND ${region.directlyAdministered} THEN ${region.provinceCode} ELSE ${region.parentCode} END)`;

export const reportingRepository = {
  async byCode(db: Db, code: string): Promise<ReportingRow | null> {
    const rows = await db.select().from(region).where(eq(region.code, code));
    return rows[0] ?? null;
  },
  /** The regions that report to `code` (for a province: its prefectures and directly-administered counties). */
  async children(db: Db, code: string): Promise<ReportingRow[]> {
    return db.select().from(region).where(sql`${reportingParentSql} = ${code}`).orderBy(asc(region.code));
  },
  /** The region and its reporting ancestors, nearest first. */
  async chain(db: Db, code: string): Promise<ReportingRow[]> {
    const out: ReportingRow[] = [];
    let current = await reportingRepository.byCode(db, code);
    while (current && out.length < 8) {
      out.push(current);
      const parent = reportingParentOf(current as ReportingRegion);
      current = parent ? await reportingRepository.byCode(db, parent) : null;
    }
    return out;
  },
  /**
   * Every region administratively under the root's province / prefecture / county (a superset of the
   * reporting subtree: `reportingTree` keeps only what reports up to the root).
   */
  async administrativeSubtree(db: Db, root: ReportingRow): Promise<ReportingRow[]> {
    const col =
      root.level === 'province'
        ? region.provinceCode
        : root.level === 'prefecture'
          ? region.prefectureCode
          : root.level === 'county'
            ? region.countyCode
            : region.code;
    return db.select().from(region).where(eq(col, root.code));
  },
};

/** True if `code` is `ancestorCode` or reports to it, directly or through the levels between. */
export async function reportsUpTo(db: Db, code: string, ancestorCode: string): Promise<boolean> {
  return (await reportingRepository.chain(db, code)).some((r) => r.code === ancestorCode);
}
