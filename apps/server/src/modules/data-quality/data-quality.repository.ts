import { and, asc, count, desc, eq, gt, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { appUser, dataQualityFlag, region } from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';

export type FlagRow = typeof dataQualityFlag.$inferSelect;
export type FlagInsert = typeof dataQualityFlag.$inferInsert;

/** A region subtree as a condition on the flag's own ancestor columns (ADR 0002); null = everything. */
export interface SubtreeFilter {
  column: ScopeColumn;
  code: string;
}

export interface FlagFilter {
  subtree: SubtreeFilter;
  kind?: string;
  status?: string;
}

const raiser = alias(appUser, 'dq_raiser');
const resolver = alias(appUser, 'dq_resolver');

function subtreeWhere(s: SubtreeFilter): SQL | undefined {
  return s.column === 'all' ? undefined : eq(dataQualityFlag[s.column], s.code);
}

const where = (f: FlagFilter, cursorId?: number | null, ascending = false) =>
  and(
    subtreeWhere(f.subtree),
    f.kind ? eq(dataQualityFlag.kind, f.kind) : undefined,
    f.status ? eq(dataQualityFlag.status, f.status) : undefined,
    cursorId ? (ascending ? gt : lt)(dataQualityFlag.id, cursorId) : undefined,
  );

const listColumns = {
  flag: dataQualityFlag,
  regionName: sql<string>`coalesce(${region.name}, ${dataQualityFlag.regionCode})`,
  raisedByName: raiser.displayName,
  resolvedByName: resolver.displayName,
};

export type FlagListRow = { flag: FlagRow; regionName: string; raisedByName: string | null; resolvedByName: string | null };

export const dataQualityRepository = {
  async insert(tx: Db, row: FlagInsert): Promise<FlagRow> {
    const [r] = await tx.insert(dataQualityFlag).values(row).returning();
    return r!;
  },
  /** Newest first, keyset by id (the scope column's (column, id) index serves it). */
  /** Newest first (or oldest first), after the keyset `cursorId` or `offset` rows in (numbered pages). */
  list(db: Db, f: FlagFilter, opts: { cursorId: number | null; ascending?: boolean; offset?: number; limit: number }): Promise<FlagListRow[]> {
    return db
      .select(listColumns)
      .from(dataQualityFlag)
      .leftJoin(region, eq(region.code, dataQualityFlag.regionCode))
      .leftJoin(raiser, eq(raiser.id, dataQualityFlag.raisedBy))
      .leftJoin(resolver, eq(resolver.id, dataQualityFlag.resolvedBy))
      .where(where(f, opts.cursorId, opts.ascending))
      .orderBy(opts.ascending ? asc(dataQualityFlag.id) : desc(dataQualityFlag.id))
      .limit(opts.limit)
      .offset(opts.offset ?? 0);
  },
  async count(db: Db, f: FlagFilter): Promise<number> {
    const [r] = await db.select({ n: count() }).from(dataQualityFlag).where(where(f));
    return Number(r?.n ?? 0);
  },
  async byId(db: Db, id: number): Promise<FlagListRow | null> {
    const rows = await db
      .select(listColumns)
      .from(dataQualityFlag)
      .leftJoin(region, eq(region.code, dataQualityFlag.regionCode))
      .leftJoin(raiser, eq(raiser.id, dataQualityFlag.raisedBy))
      .leftJoin(resolver, eq(resolver.id, dataQualityFlag.resolvedBy))
      .where(eq(dataQualityFlag.id, id));
    return rows[0] ?? null;
  },
  /** Counts per kind and status in a subtree. */
  async countsByKind(db: Db, s: SubtreeFilter): Promise<{ kind: string; status: string; n: number }[]> {
    const rows = await db
      .select({ kind: dataQualityFlag.kind, status: dataQualityFlag.status, n: count() })
      .from(dataQualityFlag)
      .where(subtreeWhere(s))
      .groupBy(dataQualityFlag.kind, dataQualityFlag.status);
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  },
  /**
   * Counts per value of the next level's column (the children of the subtree's root); null is the
   * root's own records (e.g. a county office's own flags, no township).
   */
  async countsByChild(db: Db, s: SubtreeFilter, childColumn: Exclude<ScopeColumn, 'all'>): Promise<{ code: string | null; status: string; n: number }[]> {
    const col = dataQualityFlag[childColumn];
    const rows = await db
      .select({ code: col, status: dataQualityFlag.status, n: count() })
      .from(dataQualityFlag)
      .where(subtreeWhere(s))
      .groupBy(col, dataQualityFlag.status);
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  },
  /** Resolves an open flag; zero rows when someone resolved it first. */
  async resolve(tx: Db, id: number, by: number | null, at: Date, note: string): Promise<FlagRow | null> {
    const rows = await tx
      .update(dataQualityFlag)
      .set({ status: 'resolved', resolvedBy: by, resolvedAt: at, resolutionNote: note })
      .where(and(eq(dataQualityFlag.id, id), eq(dataQualityFlag.status, 'open')))
      .returning();
    return rows[0] ?? null;
  },
};
