import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { capacityUnit, dataQualityFlag, enterprise, industry, line, region, target, targetLine } from '../../db/schema/index.ts';

/**
 * What the sweep reads (ADR 0018). Always whole provinces (or the country), whoever asks: a median or a
 * duplicate depends on the whole province, so a county's 重新检查 finds exactly what the daily job finds.
 */
const inProvince = (col: AnyPgColumn, province: string | null) => (province ? sql`${col} = ${province}` : undefined);

const parentRegion = alias(region, 'dq_target_region');

export const sweepRepository = {
  /** Targets of the province with their region, industry and unit names. */
  targets(db: Db, province: string | null) {
    return db
      .select({
        id: target.id,
        year: target.year,
        regionCode: target.regionCode,
        regionName: parentRegion.name,
        industryName: sql<string>`coalesce(${industry.name}, ${target.industryCode})`,
        unitCode: target.unitCode,
        unitName: sql<string>`coalesce(${capacityUnit.name}, ${target.unitCode})`,
        quantity: target.quantity,
        parentTargetId: target.parentTargetId,
      })
      .from(target)
      .innerJoin(parentRegion, eq(parentRegion.code, target.regionCode))
      .leftJoin(industry, eq(industry.code, target.industryCode))
      .leftJoin(capacityUnit, eq(capacityUnit.code, target.unitCode))
      .where(inProvince(parentRegion.provinceCode, province));
  },
  /** Lines named under targets (a county's decomposition to enterprises), with their capacity and unit. */
  namedLines(db: Db, targetIds: number[]) {
    if (targetIds.length === 0) return Promise.resolve([]);
    return db
      .select({ targetId: targetLine.targetId, unitCode: line.capacityUnit, quantity: line.capacity })
      .from(targetLine)
      .innerJoin(line, eq(line.id, targetLine.lineId))
      .where(inArray(targetLine.targetId, targetIds));
  },
  /** Targets whose excess was declared 超额分解 with a reason (flagged at decomposition). */
  async overAllocated(db: Db): Promise<Set<number>> {
    const rows = await db
      .selectDistinct({ id: dataQualityFlag.entityId })
      .from(dataQualityFlag)
      .where(and(eq(dataQualityFlag.kind, 'target_over_allocation'), eq(dataQualityFlag.entityType, 'target')));
    return new Set(rows.map((r) => r.id));
  },
  enterprisesWithoutLines(db: Db, province: string | null) {
    return db
      .select({ id: enterprise.id, name: enterprise.name, uscc: enterprise.uscc, regionCode: enterprise.regionCode })
      .from(enterprise)
      .where(and(inProvince(enterprise.provinceCode, province), sql`not exists (select 1 from ${line} where ${line.enterpriseId} = ${enterprise.id})`));
  },
  /** Lines with neither a catalogue item nor a stated basis (判定依据). */
  linesWithoutBasis(db: Db, province: string | null) {
    return db
      .select({ lineId: line.id, lineName: line.name, enterpriseId: line.enterpriseId, enterpriseName: enterprise.name, regionCode: enterprise.regionCode })
      .from(line)
      .innerJoin(enterprise, eq(enterprise.id, line.enterpriseId))
      .where(and(inProvince(enterprise.provinceCode, province), sql`${line.basisItemId} is null`, sql`btrim(${line.basisText}) = ''`));
  },
  /** Every line not yet eliminated, for the capacity medians. */
  lineCapacities(db: Db, province: string | null) {
    return db
      .select({
        lineId: line.id,
        lineName: line.name,
        enterpriseId: line.enterpriseId,
        enterpriseName: enterprise.name,
        regionCode: enterprise.regionCode,
        provinceCode: enterprise.provinceCode,
        industryCode: line.industryCode,
        industryName: sql<string>`coalesce(${industry.name}, ${line.industryCode})`,
        capacity: line.capacity,
        unitCode: line.capacityUnit,
        unitName: sql<string>`coalesce(${capacityUnit.name}, ${line.capacityUnit})`,
      })
      .from(line)
      .innerJoin(enterprise, eq(enterprise.id, line.enterpriseId))
      .leftJoin(industry, eq(industry.code, line.industryCode))
      .leftJoin(capacityUnit, eq(capacityUnit.code, line.capacityUnit))
      .where(and(inProvince(enterprise.provinceCode, province), sql`${line.status} <> 'eliminated'`));
  },
  enterprises(db: Db, province: string | null) {
    return db
      .select({ id: enterprise.id, name: enterprise.name, address: enterprise.address, regionCode: enterprise.regionCode, uscc: enterprise.uscc })
      .from(enterprise)
      .where(inProvince(enterprise.provinceCode, province));
  },
  regions(db: Db, codes: string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return db.select().from(region).where(inArray(region.code, codes));
  },
  /** Open flags the sweep raised (they carry a check key) in a province. */
  openSwept(db: Db, province: string | null) {
    return db
      .select({
        id: dataQualityFlag.id,
        checkKey: dataQualityFlag.checkKey,
        message: dataQualityFlag.message,
        regionCode: dataQualityFlag.regionCode,
        provinceCode: dataQualityFlag.provinceCode,
        prefectureCode: dataQualityFlag.prefectureCode,
        countyCode: dataQualityFlag.countyCode,
        townshipCode: dataQualityFlag.townshipCode,
      })
      .from(dataQualityFlag)
      .where(and(eq(dataQualityFlag.status, 'open'), isNotNull(dataQualityFlag.checkKey), inProvince(dataQualityFlag.provinceCode, province)));
  },
  /** Inserts unless an open flag with the same key exists (a concurrent sweep got there first): null then. */
  async insertOnce(tx: Db, row: typeof dataQualityFlag.$inferInsert): Promise<number | null> {
    const rows = await tx
      .insert(dataQualityFlag)
      .values(row)
      .onConflictDoNothing({ target: dataQualityFlag.checkKey, where: sql`status = 'open' and check_key is not null` })
      .returning({ id: dataQualityFlag.id });
    return rows[0]?.id ?? null;
  },
};
