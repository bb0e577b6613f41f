import { and, asc, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enterprise, line, region } from '../../db/schema/index.ts';

/**
 * The normalisation of relocation-score.ts's `normaliseEquipmentName` in SQL (PostgreSQL 13+ `normalize`), so
 * "3号小煤矿" and "1号 小煤矿" meet in one comparison; the specification only loses its spacing and case.
 */
const nName = (c: SQL | typeof line.name) => sql`regexp_replace(regexp_replace(lower(normalize(${c}, NFKC)), '\\s+', '', 'g'), '^第?[0-9一二三四五六七八九十]+[号#]', '')`;
const nSpec = (c: SQL | typeof line.specification) => sql`regexp_replace(lower(normalize(${c}, NFKC)), '\\s+', '', 'g')`;

/** An empty name or specification matches nothing (it would match every line registered without one). */
function sameNameOrSpec(name: string, specification: string): SQL {
  const parts: SQL[] = [];
  if (name.trim()) parts.push(sql`${nName(line.name)} = ${nName(sql`${name}`)}`);
  if (specification.trim()) parts.push(sql`${nSpec(line.specification)} = ${nSpec(sql`${specification}`)}`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

export const relocationRepository = {
  async line(db: Db, lineId: number) {
    const rows = await db
      .select({ name: line.name, specification: line.specification, industryCode: line.industryCode, capacity: line.capacity, capacityUnit: line.capacityUnit, quantity: line.quantity })
      .from(line)
      .where(eq(line.id, lineId));
    return rows[0] ?? null;
  },
  /**
   * Lines under an enterprise of another county whose normalised name or specification equals this line's,
   * nearest capacity first (at most 200: the score ranks them, the page shows ten).
   */
  candidates(db: Db, lineId: number, name: string, specification: string, capacity: string, countyCode: string | null) {
    const otherCounty = countyCode === null ? sql`${enterprise.countyCode} is not null` : sql`${enterprise.countyCode} is distinct from ${countyCode}`;
    return db
      .select({
        lineId: line.id,
        enterpriseId: line.enterpriseId,
        enterpriseName: enterprise.name,
        regionCode: enterprise.regionCode,
        regionName: region.fullName,
        name: line.name,
        specification: line.specification,
        industryCode: line.industryCode,
        capacity: line.capacity,
        capacityUnit: line.capacityUnit,
        quantity: line.quantity,
      })
      .from(line)
      .innerJoin(enterprise, eq(enterprise.id, line.enterpriseId))
      .innerJoin(region, eq(region.code, enterprise.regionCode))
      .where(and(ne(line.id, lineId), otherCounty, sameNameOrSpec(name, specification)))
      .orderBy(sql`abs(${line.capacity} - ${capacity}::numeric)`, asc(line.id))
      .limit(200);
  },
  /**
   * How many enterprises register a line of this name and specification, of this name, and of this
   * specification (anywhere): the measure of how generic a match on them is.
   */
  async commonness(db: Db, name: string, specification: string) {
    const sameName = sql`${nName(line.name)} = ${nName(sql`${name}`)}`;
    const sameSpec = sql`${nSpec(line.specification)} = ${nSpec(sql`${specification}`)}`;
    const [r] = await db
      .select({
        pair: sql<number>`count(distinct ${line.enterpriseId}) filter (where ${sameName} and ${sameSpec})`,
        name: sql<number>`count(distinct ${line.enterpriseId}) filter (where ${sameName})`,
        spec: sql<number>`count(distinct ${line.enterpriseId}) filter (where ${sameSpec})`,
      })
      .from(line)
      .where(sameNameOrSpec(name, specification));
    return { pair: Number(r?.pair ?? 0), name: Number(r?.name ?? 0), spec: Number(r?.spec ?? 0) };
  },
};
