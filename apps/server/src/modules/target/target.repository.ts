import { and, asc, desc, eq, gt, inArray, ne, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Db, queryRows } from '../../db/client.ts';
import { capacityUnit, enterprise, industry, line, region, target, targetLine } from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';

export type TargetRow = typeof target.$inferSelect;
export type TargetInsert = typeof target.$inferInsert;
export type TargetView = TargetRow & {
  regionName: string;
  regionLevel: string;
  industryName: string;
  unitName: string;
  issuerRegionCode: string | null;
  issuerRegionName: string | null;
};

const parent = alias(target, 'parent_target');
const parentRegion = alias(region, 'parent_region');

const viewColumns = {
  t: target,
  regionName: sql<string>`coalesce(${region.name}, ${target.regionCode})`,
  regionLevel: sql<string>`coalesce(${region.level}, '')`,
  industryName: sql<string>`coalesce(${industry.name}, ${target.industryCode})`,
  unitName: sql<string>`coalesce(${capacityUnit.name}, ${target.unitCode})`,
  issuerRegionCode: sql<string | null>`${parent.regionCode}`,
  issuerRegionName: sql<string | null>`${parentRegion.name}`,
};

type ViewSelect = { t: TargetRow } & Omit<TargetView, keyof TargetRow>;
const flatten = (r: ViewSelect): TargetView => {
  const { t, ...rest } = r;
  return { ...t, ...rest };
};

function viewQuery(db: Db) {
  return db
    .select(viewColumns)
    .from(target)
    .leftJoin(region, eq(region.code, target.regionCode))
    .leftJoin(industry, eq(industry.code, target.industryCode))
    .leftJoin(capacityUnit, eq(capacityUnit.code, target.unitCode))
    .leftJoin(parent, eq(parent.id, target.parentTargetId))
    .leftJoin(parentRegion, eq(parentRegion.code, parent.regionCode));
}

/** A region subtree as a condition on the joined region row (targets exist from county level up). */
export function regionSubtree(column: Exclude<ScopeColumn, 'all'>, code: string): SQL {
  return column === 'townshipCode' ? eq(region.code, code) : eq(region[column], code);
}

export interface TargetListFilter {
  /** The actor's subtree, or null for everyone. */
  scope: SQL | undefined;
  /** One region's own targets, or (with `subtree`) also those below it. */
  region?: { code: string; subtree: SQL | null };
  year?: number;
  industry?: string;
  /** Decompositions in this state (the approver's 待办), at most `limit`. */
  status?: string;
  limit?: number;
}

/** A line named under a target, with what the progress table needs. */
export interface NamedLineRow {
  targetId: number;
  lineId: number;
  enterpriseId: number;
  capacity: string;
  capacityUnit: string;
  status: string;
}

export type TargetLineView = {
  lineId: number;
  enterpriseId: number;
  enterpriseName: string;
  uscc: string;
  regionName: string;
  lineName: string;
  specification: string;
  capacity: string;
  capacityUnit: string;
  capacityUnitName: string;
  industryCode: string;
  status: string;
  plannedExitDate: string | null;
};

const lineViewColumns = {
  lineId: line.id,
  enterpriseId: enterprise.id,
  enterpriseName: enterprise.name,
  uscc: enterprise.uscc,
  regionName: sql<string>`coalesce(${region.name}, ${enterprise.regionCode})`,
  lineName: line.name,
  specification: line.specification,
  capacity: line.capacity,
  capacityUnit: line.capacityUnit,
  capacityUnitName: sql<string>`coalesce(${capacityUnit.name}, ${line.capacityUnit})`,
  industryCode: line.industryCode,
  status: line.status,
  plannedExitDate: line.plannedExitDate,
};

export const targetRepository = {
  /** The table guardedEdit updates under the version the user saw. */
  table: target,
  async viewById(db: Db, id: number): Promise<TargetView | null> {
    const rows = await viewQuery(db).where(eq(target.id, id));
    return rows[0] ? flatten(rows[0]) : null;
  },
  async byIdForUpdate(db: Db, id: number): Promise<TargetRow | null> {
    const rows = await db.select().from(target).where(eq(target.id, id)).for('update');
    return rows[0] ?? null;
  },
  async byKey(db: Db, year: number, regionCode: string, industryCode: string): Promise<TargetRow | null> {
    const rows = await db
      .select()
      .from(target)
      .where(and(eq(target.year, year), eq(target.regionCode, regionCode), eq(target.industryCode, industryCode)));
    return rows[0] ?? null;
  },
  /** Targets of a year and industry held by any of these regions (to tell which children are taken). */
  async byRegions(db: Db, year: number, industryCode: string, regionCodes: string[]): Promise<TargetRow[]> {
    if (regionCodes.length === 0) return [];
    return db
      .select()
      .from(target)
      .where(and(eq(target.year, year), eq(target.industryCode, industryCode), inArray(target.regionCode, regionCodes)));
  },
  async list(db: Db, f: TargetListFilter): Promise<TargetView[]> {
    const regionCond = f.region ? (f.region.subtree ? f.region.subtree : eq(target.regionCode, f.region.code)) : undefined;
    const rows = await viewQuery(db)
      .where(
        and(
          f.scope,
          regionCond,
          f.year === undefined ? undefined : eq(target.year, f.year),
          f.industry ? eq(target.industryCode, f.industry) : undefined,
          f.status ? eq(target.status, f.status) : undefined,
        ),
      )
      .orderBy(desc(target.year), asc(region.depth), asc(target.regionCode), asc(industry.sortOrder), asc(target.industryCode))
      .limit(f.limit ?? 5000);
    return rows.map(flatten);
  },
  async children(db: Db, parentId: number): Promise<TargetView[]> {
    const rows = await viewQuery(db).where(eq(target.parentTargetId, parentId)).orderBy(asc(target.regionCode));
    return rows.map(flatten);
  },
  async childRows(db: Db, parentId: number): Promise<TargetRow[]> {
    return db.select().from(target).where(eq(target.parentTargetId, parentId)).orderBy(asc(target.regionCode));
  },
  async insert(db: Db, row: TargetInsert): Promise<TargetRow> {
    const [r] = await db.insert(target).values(row).returning();
    return r!;
  },
  async update(db: Db, id: number, set: Partial<TargetInsert>): Promise<TargetRow> {
    const [r] = await db
      .update(target)
      .set({ ...set, version: sql`${target.version} + 1` })
      .where(eq(target.id, id))
      .returning();
    return r!;
  },
  async delete(db: Db, id: number): Promise<void> {
    await db.delete(target).where(eq(target.id, id));
  },
  /** Which of these targets were decomposed further (have child targets or named lines). */
  async decomposedFurther(db: Db, ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await queryRows<{ id: number }>(
      db,
      sql`SELECT DISTINCT parent_target_id AS id FROM target WHERE parent_target_id IN ${ids}
          UNION SELECT DISTINCT target_id AS id FROM target_line WHERE target_id IN ${ids}`,
    );
    return new Set(rows.map((r) => Number(r.id)));
  },
  /** The targets and everything decomposed from them, at any depth. */
  async subtreeRows(db: Db, rootIds: number[]): Promise<TargetRow[]> {
    if (rootIds.length === 0) return [];
    const rows = await queryRows<{ id: number }>(
      db,
      sql`WITH RECURSIVE sub(id) AS (
            SELECT id FROM target WHERE id IN ${rootIds}
            UNION ALL SELECT t.id FROM target t JOIN sub ON t.parent_target_id = sub.id
          ) SELECT id FROM sub`,
    );
    const ids = rows.map((r) => Number(r.id));
    return ids.length ? db.select().from(target).where(inArray(target.id, ids)) : [];
  },
  async namedLinesOf(db: Db, targetIds: number[]): Promise<NamedLineRow[]> {
    if (targetIds.length === 0) return [];
    return db
      .select({
        targetId: targetLine.targetId,
        lineId: targetLine.lineId,
        enterpriseId: targetLine.enterpriseId,
        capacity: line.capacity,
        capacityUnit: line.capacityUnit,
        status: line.status,
      })
      .from(targetLine)
      .innerJoin(line, eq(line.id, targetLine.lineId))
      .where(inArray(targetLine.targetId, targetIds));
  },
  async namedLineViews(db: Db, targetId: number): Promise<(TargetLineView & { deadline: string })[]> {
    return db
      .select({ ...lineViewColumns, deadline: targetLine.deadline })
      .from(targetLine)
      .innerJoin(line, eq(line.id, targetLine.lineId))
      .innerJoin(enterprise, eq(enterprise.id, line.enterpriseId))
      .leftJoin(region, eq(region.code, enterprise.regionCode))
      .leftJoin(capacityUnit, eq(capacityUnit.code, line.capacityUnit))
      .where(eq(targetLine.targetId, targetId))
      .orderBy(asc(enterprise.name), asc(line.id));
  },
  async namedLineRows(db: Db, targetId: number) {
    return db.select().from(targetLine).where(eq(targetLine.targetId, targetId));
  },
  /** Lines of the county's enterprises in the target's industry that are not named under it yet. */
  async lineCandidates(
    db: Db,
    f: { countyCode: string; industryCode: string; targetId: number; q?: string; after?: number; limit: number },
  ): Promise<TargetLineView[]> {
    const named = db.select({ id: targetLine.lineId }).from(targetLine).where(eq(targetLine.targetId, f.targetId));
    const q = f.q ? `%${f.q.replace(/[\\%_]/g, '\\$&')}%` : null;
    return db
      .select(lineViewColumns)
      .from(line)
      .innerJoin(enterprise, eq(enterprise.id, line.enterpriseId))
      .leftJoin(region, eq(region.code, enterprise.regionCode))
      .leftJoin(capacityUnit, eq(capacityUnit.code, line.capacityUnit))
      .where(
        and(
          eq(enterprise.countyCode, f.countyCode),
          eq(line.industryCode, f.industryCode),
          notInArray(line.id, named),
          f.after === undefined ? undefined : gt(line.id, f.after),
          q ? or(sql`${enterprise.name} LIKE ${q}`, sql`${line.name} LIKE ${q}`, eq(enterprise.uscc, f.q!)) : undefined,
        ),
      )
      .orderBy(asc(line.id))
      .limit(f.limit);
  },
  /** The lines to be named, with their enterprise's county. */
  async linesForNaming(db: Db, lineIds: number[]) {
    if (lineIds.length === 0) return [];
    return db
      .select({ ...lineViewColumns, countyCode: enterprise.countyCode })
      .from(line)
      .innerJoin(enterprise, eq(enterprise.id, line.enterpriseId))
      .leftJoin(region, eq(region.code, enterprise.regionCode))
      .leftJoin(capacityUnit, eq(capacityUnit.code, line.capacityUnit))
      .where(inArray(line.id, lineIds));
  },
  /** Lines already named under another target of the same year (a line counts once a year). */
  async namedElsewhere(db: Db, lineIds: number[], year: number, exceptTargetId: number) {
    if (lineIds.length === 0) return [];
    return db
      .select({ lineId: targetLine.lineId, regionName: sql<string>`coalesce(${region.name}, ${target.regionCode})` })
      .from(targetLine)
      .innerJoin(target, eq(target.id, targetLine.targetId))
      .leftJoin(region, eq(region.code, target.regionCode))
      .where(and(inArray(targetLine.lineId, lineIds), eq(target.year, year), ne(target.id, exceptTargetId)));
  },
  async insertNamedLines(db: Db, rows: (typeof targetLine.$inferInsert)[]): Promise<void> {
    if (rows.length) await db.insert(targetLine).values(rows);
  },
  async deleteNamedLines(db: Db, targetId: number, lineIds: number[]): Promise<void> {
    if (lineIds.length) await db.delete(targetLine).where(and(eq(targetLine.targetId, targetId), inArray(targetLine.lineId, lineIds)));
  },
  async updateNamedLineDeadline(db: Db, targetId: number, lineId: number, deadline: string): Promise<void> {
    await db.update(targetLine).set({ deadline }).where(and(eq(targetLine.targetId, targetId), eq(targetLine.lineId, lineId)));
  },
  /** A region's targets of a year that were decomposed to it by `fromRegion` (a responsibility letter's table). */
  async receivedFrom(db: Db, year: number, regionCode: string, fromRegion: string): Promise<TargetView[]> {
    const rows = await viewQuery(db)
      .where(and(eq(target.year, year), eq(target.regionCode, regionCode), eq(parent.regionCode, fromRegion)))
      .orderBy(asc(industry.sortOrder), asc(target.industryCode));
    return rows.map(flatten);
  },
  /** An enterprise's lines named under a county's targets of a year, with the target's industry and unit. */
  async namedLinesOfEnterprise(db: Db, year: number, countyCode: string, enterpriseId: number) {
    return db
      .select({
        ...lineViewColumns,
        deadline: targetLine.deadline,
        industryName: sql<string>`coalesce(${industry.name}, ${target.industryCode})`,
        targetIndustryCode: target.industryCode,
        targetUnitCode: target.unitCode,
      })
      .from(targetLine)
      .innerJoin(target, eq(target.id, targetLine.targetId))
      .innerJoin(line, eq(line.id, targetLine.lineId))
      .innerJoin(enterprise, eq(enterprise.id, line.enterpriseId))
      .leftJoin(region, eq(region.code, enterprise.regionCode))
      .leftJoin(capacityUnit, eq(capacityUnit.code, line.capacityUnit))
      .leftJoin(industry, eq(industry.code, target.industryCode))
      .where(and(eq(target.year, year), eq(target.regionCode, countyCode), eq(targetLine.enterpriseId, enterpriseId)))
      .orderBy(asc(industry.sortOrder), asc(line.id));
  },
  /**
   * Regions a target may be decomposed to: the administrative children, and for a province also the
   * counties it administers directly (省直管县), which report to it rather than to their prefecture.
   */
  async decompositionChildren(db: Db, r: { code: string; level: string }) {
    const direct = r.level === 'province' ? and(eq(region.provinceCode, r.code), eq(region.directlyAdministered, true)) : undefined;
    return db
      .select()
      .from(region)
      .where(and(inArray(region.level, ['prefecture', 'county']), direct ? or(eq(region.parentCode, r.code), direct) : eq(region.parentCode, r.code)))
      .orderBy(asc(region.code));
  },
};
