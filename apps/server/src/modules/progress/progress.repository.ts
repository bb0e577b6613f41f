import type { ExitTaskStage } from '@taotai/shared';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { progressEnterpriseRollup, progressRollup, progressSealedDeadline, region, target } from '../../db/schema/index.ts';

// The picture's reads. The rollup tables are kept in step with every exit-task change by
// progress-maintenance.repository.ts (split from this file to keep each under 300 lines, issue 10 §5).

export interface RollupRow {
  regionCode: string;
  industryCode: string;
  unit: string;
  stage: ExitTaskStage;
  tasks: number;
  capacity: string;
}


/** Reads of the picture: a handful of rows per region, whatever the level. */
export const progressRepository = {
  async rollup(db: Db, codes: string[], year: number): Promise<RollupRow[]> {
    if (codes.length === 0) return [];
    const rows = await db
      .select({
        regionCode: progressRollup.regionCode,
        industryCode: progressRollup.industryCode,
        unit: progressRollup.unit,
        stage: progressRollup.stage,
        tasks: progressRollup.tasks,
        capacity: sql<string>`${progressRollup.capacity}::text`,
      })
      .from(progressRollup)
      .where(and(inArray(progressRollup.regionCode, codes), eq(progressRollup.year, year), ne(progressRollup.tasks, 0)));
    return rows as RollupRow[];
  },
  async enterprises(db: Db, codes: string[], year: number) {
    if (codes.length === 0) return [];
    return db
      .select({ regionCode: progressEnterpriseRollup.regionCode, planned: progressEnterpriseRollup.planned, accepted: progressEnterpriseRollup.accepted })
      .from(progressEnterpriseRollup)
      .where(and(inArray(progressEnterpriseRollup.regionCode, codes), eq(progressEnterpriseRollup.year, year)));
  },
  /** Sealed tasks whose dismantling deadline is before `today`, per region. */
  async overdue(db: Db, codes: string[], year: number, today: string) {
    if (codes.length === 0) return [];
    const rows = await db
      .select({ regionCode: progressSealedDeadline.regionCode, tasks: sql<string>`sum(${progressSealedDeadline.tasks})` })
      .from(progressSealedDeadline)
      .where(and(inArray(progressSealedDeadline.regionCode, codes), eq(progressSealedDeadline.year, year), sql`${progressSealedDeadline.deadline} < ${today}`))
      .groupBy(progressSealedDeadline.regionCode);
    return rows.map((r) => ({ regionCode: r.regionCode, tasks: Number(r.tasks) }));
  },
  targets(db: Db, codes: string[], year: number) {
    if (codes.length === 0) return Promise.resolve([]);
    return db
      .select({ regionCode: target.regionCode, industryCode: target.industryCode, unit: target.unitCode, quantity: sql<string>`${target.quantity}::text` })
      .from(target)
      .where(and(inArray(target.regionCode, codes), eq(target.year, year)));
  },
  /** 省直管县 of a province whose administrative parent is a prefecture (shown again under the province). */
  directlyAdministeredUnder(db: Db, provinceCode: string) {
    return db
      .select()
      .from(region)
      .where(and(eq(region.provinceCode, provinceCode), eq(region.directlyAdministered, true), eq(region.level, 'county'), ne(region.parentCode, provinceCode)))
      .orderBy(asc(region.code));
  },
};
