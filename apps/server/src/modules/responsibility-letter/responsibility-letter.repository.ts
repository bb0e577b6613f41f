import { and, asc, count, desc, eq, gt, lt, or, type SQL, } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { region, responsibilityLetter } from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';

export type LetterRow = typeof responsibilityLetter.$inferSelect;
export type LetterInsert = typeof responsibilityLetter.$inferInsert;

const regionA = alias(region, 'region_a');
const regionB = alias(region, 'region_b');

/** A region subtree as a condition on an aliased region row (a township or park is its own subtree). */
function under(r: typeof regionA | typeof regionB, column: Exclude<ScopeColumn, 'all'>, code: string): SQL {
  return column === 'townshipCode' ? eq(r.code, code) : eq(r[column], code);
}

export interface LetterListFilter {
  /** The actor's subtree (either party's region in it), or null for everyone. */
  scope: { column: Exclude<ScopeColumn, 'all'>; code: string } | null;
  /** Enterprise users see only their own enterprise's letters. */
  enterpriseId: number | null;
  /** 甲方 is the region, or 乙方 sits in its subtree. */
  region?: { column: Exclude<ScopeColumn, 'all'>; code: string };
  year?: number;
  status?: string;
}

function conditions(f: LetterListFilter): SQL | undefined {
  return and(
    f.scope ? or(under(regionA, f.scope.column, f.scope.code), under(regionB, f.scope.column, f.scope.code)) : undefined,
    f.enterpriseId === null ? undefined : eq(responsibilityLetter.partyBEnterpriseId, f.enterpriseId),
    f.region ? or(eq(responsibilityLetter.partyARegionCode, f.region.code), under(regionB, f.region.column, f.region.code)) : undefined,
    f.year === undefined ? undefined : eq(responsibilityLetter.year, f.year),
    f.status ? eq(responsibilityLetter.status, f.status) : undefined,
  );
}

export const letterRepository = {
  /** The lifecycle table runTransition moves (status, version). */
  table: responsibilityLetter,
  /** The condition of an edit: only a drafted letter changes. */
  isDraft: eq(responsibilityLetter.status, 'drafted'),
  async byId(db: Db, id: number): Promise<LetterRow | null> {
    const rows = await db.select().from(responsibilityLetter).where(eq(responsibilityLetter.id, id));
    return rows[0] ?? null;
  },
  async byIdForUpdate(db: Db, id: number): Promise<LetterRow | null> {
    const rows = await db.select().from(responsibilityLetter).where(eq(responsibilityLetter.id, id)).for('update');
    return rows[0] ?? null;
  },
  async byParties(db: Db, year: number, partyA: string, partyB: { regionCode: string } | { enterpriseId: number }): Promise<LetterRow | null> {
    const b =
      'regionCode' in partyB
        ? eq(responsibilityLetter.partyBRegionCode, partyB.regionCode)
        : eq(responsibilityLetter.partyBEnterpriseId, partyB.enterpriseId);
    const rows = await db
      .select()
      .from(responsibilityLetter)
      .where(and(eq(responsibilityLetter.year, year), eq(responsibilityLetter.partyARegionCode, partyA), b));
    return rows[0] ?? null;
  },
  /**
   * One page in letter-number order (the primary key serves both directions): after the id `afterId`
   * (keyset, what exports walk) or `offset` rows in (numbered pages, bounded by MAX_OFFSET).
   */
  async page(db: Db, f: LetterListFilter, at: { afterId: number | null; descending: boolean; offset?: number }, limit: number): Promise<LetterRow[]> {
    const { afterId, descending, offset = 0 } = at;
    const rows = await db
      .select({ l: responsibilityLetter })
      .from(responsibilityLetter)
      .innerJoin(regionA, eq(regionA.code, responsibilityLetter.partyARegionCode))
      .innerJoin(regionB, eq(regionB.code, responsibilityLetter.partyBScopeRegionCode))
      .where(and(conditions(f), afterId === null ? undefined : (descending ? lt : gt)(responsibilityLetter.id, afterId)))
      .orderBy(descending ? desc(responsibilityLetter.id) : asc(responsibilityLetter.id))
      .limit(limit)
      .offset(offset);
    return rows.map((r) => r.l);
  },
  async count(db: Db, f: LetterListFilter): Promise<number> {
    const [r] = await db
      .select({ n: count() })
      .from(responsibilityLetter)
      .innerJoin(regionA, eq(regionA.code, responsibilityLetter.partyARegionCode))
      .innerJoin(regionB, eq(regionB.code, responsibilityLetter.partyBScopeRegionCode))
      .where(conditions(f));
    return r?.n ?? 0;
  },
  async insert(db: Db, row: LetterInsert): Promise<LetterRow> {
    const [r] = await db.insert(responsibilityLetter).values(row).returning();
    return r!;
  },
  async delete(db: Db, id: number): Promise<void> {
    await db.delete(responsibilityLetter).where(eq(responsibilityLetter.id, id));
  },
};
