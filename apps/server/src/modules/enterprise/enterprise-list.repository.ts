import { and, asc, desc, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { EnterpriseQuery } from '@taotai/shared';
import { type Db, queryRows } from '../../db/client.ts';
import { enterprise, industry, region } from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';
import type { EnterpriseListScope } from './enterprise.policy.ts';
import type { EnterpriseRow, EnterpriseView } from './enterprise.repository.ts';

export type EnterpriseSort = EnterpriseQuery['sort'];

/** Everything a list or an export filters on, already checked against the actor's scope. */
export interface EnterpriseFilter {
  scope: EnterpriseListScope;
  /** A region inside the scope, as the ancestor column of its level. */
  region: { column: Exclude<ScopeColumn, 'all'>; code: string } | null;
  industry?: string;
  criterionBit?: number;
  status?: string;
  /** Name fragment, and the USCC it may be (normalised) when it looks like one. */
  q?: { text: string; uscc: string | null };
}

/** Position after which the next page starts: the sort key of the last row seen and its id. */
export interface KeysetAfter {
  key: string | number;
  id: number;
}

export type EnterpriseListRow = EnterpriseView & { sortKey: string | number };

/**
 * A subtree as one equality on a denormalised ancestor column, so PostgreSQL walks the
 * (column, id) btree in id order and stops at the page size, even over a million rows.
 */
function subtree(column: Exclude<ScopeColumn, 'all'>, code: string): SQL {
  if (column === 'townshipCode') {
    // There is no (township_code, id) index. A township or park has no child regions, so its
    // enterprises are exactly those with region_code = code, which (region_code, id) serves.
    return and(eq(enterprise.townshipCode, code), eq(enterprise.regionCode, code))!;
  }
  return eq(enterprise[column], code);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/**
 * Two or more characters: the bigram GIN index (migration 0001) narrows the rows, LIKE confirms
 * the exact substring. One character has no bigram, so it is a plain LIKE (see ADR 0003).
 */
function nameSearch(text: string): SQL {
  const pattern = escapeLike(text);
  const like = sql`lower(${enterprise.name}) LIKE '%' || lower(${pattern}::text) || '%'`;
  if ([...text].length < 2) return like;
  return sql`name_bigrams(${enterprise.name}) @> name_bigrams(${text}::text) AND ${like}`;
}

function conditions(f: EnterpriseFilter): SQL | undefined {
  const s = f.scope;
  return and(
    s.column === 'all' ? undefined : subtree(s.column, s.code),
    s.enterpriseId === null ? undefined : eq(enterprise.id, s.enterpriseId),
    f.region ? subtree(f.region.column, f.region.code) : undefined,
    f.industry ? eq(enterprise.industryCode, f.industry) : undefined,
    f.criterionBit ? sql`(${enterprise.criteriaMask} & ${f.criterionBit}::int) <> 0` : undefined,
    f.status ? eq(enterprise.status, f.status) : undefined,
    f.q ? (f.q.uscc ? or(eq(enterprise.uscc, f.q.uscc), nameSearch(f.q.text)) : nameSearch(f.q.text)) : undefined,
  );
}

// The updatedAt key travels as text with microseconds, so the cursor is exact whatever the precision stored.
const updatedKey = sql<string>`to_char(${enterprise.updatedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The column the filter pins to one value (the narrower of the region filter and the scope).
 * Putting it first in ORDER BY changes no result but makes PostgreSQL walk the (column, …) index
 * instead of the primary key backwards, which it otherwise picks for a large province (docs/performance.md).
 */
function pinnedColumn(f: EnterpriseFilter) {
  const c = f.region?.column ?? (f.scope.column === 'all' ? null : f.scope.column);
  if (!c) return null;
  return c === 'townshipCode' ? enterprise.regionCode : enterprise[c];
}

function keyset(sort: EnterpriseSort, after: KeysetAfter | null, f: EnterpriseFilter) {
  const descending = sort.startsWith('-');
  const field = sort.replace('-', '') as 'id' | 'name' | 'updatedAt';
  const dir = descending ? desc : asc;
  const pinned = pinnedColumn(f);
  const lead = pinned ? [dir(pinned)] : [];
  const op = descending ? sql`<` : sql`>`;
  if (field === 'id') {
    return {
      byId: true,
      descending,
      order: [...lead, dir(enterprise.id)],
      after: after ? (descending ? lt : gt)(enterprise.id, after.id) : undefined,
      key: sql`${enterprise.id}::text`,
    };
  }
  const col = field === 'name' ? enterprise.name : enterprise.updatedAt;
  const value = field === 'name' ? sql`${String(after?.key)}::text` : sql`${String(after?.key)}::timestamptz`;
  return {
    byId: false,
    descending,
    order: [...lead, dir(col), dir(enterprise.id)],
    // Row comparison: rows strictly after (key, id) in the sort order, ties broken by id.
    after: after ? sql`(${col}, ${enterprise.id}) ${op} (${value}, ${after.id}::bigint)` : undefined,
    key: field === 'name' ? sql`${enterprise.name}` : updatedKey,
  };
}

/** A search sorted by id first looks through this many rows of the index-ordered walk (see `probe`). */
const PROBE_WINDOW = 2000;

/**
 * Region and industry names for one page, fetched for the page's rows only: joining them in the
 * page query made PostgreSQL join every matching row before sorting (100 k lookups for a common term).
 */
async function withNames(db: Db, rows: { e: EnterpriseRow; sortKey: string | number }[]): Promise<EnterpriseListRow[]> {
  if (rows.length === 0) return [];
  const regionCodes = [...new Set(rows.map((r) => r.e.regionCode))];
  const industryCodes = [...new Set(rows.map((r) => r.e.industryCode))];
  const regions = await db.select({ code: region.code, name: region.name }).from(region).where(inArray(region.code, regionCodes));
  const industries = await db
    .select({ code: industry.code, name: industry.name })
    .from(industry)
    .where(inArray(industry.code, industryCodes));
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const industryName = new Map(industries.map((r) => [r.code, r.name]));
  return rows.map(({ e, sortKey }) => ({
    ...e,
    regionName: regionName.get(e.regionCode) ?? e.regionCode,
    industryName: industryName.get(e.industryCode) ?? e.industryCode,
    sortKey,
  }));
}

export const enterpriseListRepository = {
  /** A keyset page after `after`, or a numbered page `offset` rows in (list-query contract, ADR 0014). */
  async page(db: Db, f: EnterpriseFilter, sort: EnterpriseSort, after: KeysetAfter | null, limit: number, offset = 0): Promise<EnterpriseListRow[]> {
    const k = keyset(sort, after, f);
    if (f.q && k.byId && offset === 0) {
      const probed = await probe(db, f, k, limit);
      if (probed) return withNames(db, probed);
    }
    const rows = await db
      .select({ e: enterprise, sortKey: sql<string | number>`${k.key}` })
      .from(enterprise)
      .where(and(conditions(f), k.after))
      .orderBy(...k.order)
      .limit(limit)
      .offset(offset);
    return withNames(db, rows);
  },
  async count(db: Db, f: EnterpriseFilter): Promise<number> {
    const where = conditions(f);
    const rows = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM ${enterprise}${where ? sql` WHERE ${where}` : sql``}`,
    );
    return rows[0]!.n;
  },
};

/**
 * A common term (`水泥`, `有限`) matches a large share of the rows. The planner multiplies the
 * selectivities of the bigram and LIKE conditions as if independent, expects a handful of rows, and
 * picks the GIN bitmap: it then fetches and sorts every match (100 k rows, over a second). So a search
 * sorted by id first reads the next PROBE_WINDOW rows of the (scope, id) walk and filters them; if that
 * fills the page, those rows are exactly the first matches in order. Otherwise the term is rare there,
 * and the GIN query, fast for rare terms, answers.
 */
async function probe(db: Db, f: EnterpriseFilter, k: ReturnType<typeof keyset>, limit: number) {
  const w = db
    .select()
    .from(enterprise)
    .where(and(conditions({ ...f, q: undefined }), k.after))
    .orderBy(...k.order)
    .limit(PROBE_WINDOW)
    .as('w');
  const pattern = escapeLike(f.q!.text);
  const like = sql`lower(${w.name}) LIKE '%' || lower(${pattern}::text) || '%'`;
  const rows = await db
    .select()
    .from(w)
    .where(f.q!.uscc ? or(eq(w.uscc, f.q!.uscc), like) : like)
    .orderBy(k.descending ? desc(w.id) : asc(w.id))
    .limit(limit);
  if (rows.length < limit) return null;
  return rows.map((e) => ({ e: e as EnterpriseRow, sortKey: String(e.id) }));
}
