import { and, asc, eq, inArray, max, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { lifecycleHistory } from '../../db/schema/index.ts';

/** A lifecycle's table: an id, a status, and (where edits are version-locked) a version. */
export type LifecycleTable = PgTable & { id: PgColumn; status: PgColumn; version?: PgColumn };

/** A record edited under a version lock (guardedEdit). */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

export type HistoryInsert = typeof lifecycleHistory.$inferInsert;
export type HistoryRow = typeof lifecycleHistory.$inferSelect;

export const lifecycleRepository = {
  /**
   * Moves the record from `from` to `to` only if it is still in `from` (and at `version` when given):
   * of two concurrent transitions the second finds no row. The version, where the table has one, moves,
   * so an edit based on the old state answers 409 too.
   */
  async guardedUpdate(db: Db, table: LifecycleTable, id: number, from: string, to: string, set: Record<string, unknown>, version?: number): Promise<Record<string, unknown> | null> {
    const values: Record<string, unknown> = { ...set, status: to };
    if (table.version) values.version = sql`${table.version} + 1`;
    const rows = await db
      .update(table)
      .set(values as never)
      .where(and(eq(table.id, id), eq(table.status, from), version !== undefined && table.version ? eq(table.version, version) : undefined))
      .returning();
    return (rows as Record<string, unknown>[])[0] ?? null;
  },
  /** Updates the record only if still at `version` (and `where`); moves the version. null when it moved meanwhile. */
  async updateIfVersion(db: Db, table: VersionedTable, id: number, version: number, set: Record<string, unknown>, where?: SQL): Promise<Record<string, unknown> | null> {
    const rows = await db
      .update(table)
      .set({ ...set, version: sql`${table.version} + 1` } as never)
      .where(and(eq(table.id, id), eq(table.version, version), where))
      .returning();
    return (rows as Record<string, unknown>[])[0] ?? null;
  },
  async deleteIfVersion(db: Db, table: VersionedTable, id: number, version: number, where?: SQL): Promise<boolean> {
    const rows = await db
      .delete(table)
      .where(and(eq(table.id, id), eq(table.version, version), where))
      .returning({ id: table.id });
    return rows.length > 0;
  },
  async insertHistory(db: Db, row: HistoryInsert): Promise<void> {
    await db.insert(lifecycleHistory).values(row);
  },
  async history(db: Db, entityType: string, entityId: number): Promise<HistoryRow[]> {
    return db
      .select()
      .from(lifecycleHistory)
      .where(and(eq(lifecycleHistory.entityType, entityType), eq(lifecycleHistory.entityId, entityId)))
      .orderBy(asc(lifecycleHistory.at), asc(lifecycleHistory.id));
  },
  /** When each record last moved (the latest history row): since when it has been in its current state. */
  async lastMoved(db: Db, entityType: string, ids: number[]): Promise<Map<number, Date>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: lifecycleHistory.entityId, at: max(lifecycleHistory.at) })
      .from(lifecycleHistory)
      .where(and(eq(lifecycleHistory.entityType, entityType), inArray(lifecycleHistory.entityId, ids)))
      .groupBy(lifecycleHistory.entityId);
    return new Map(rows.filter((r) => r.at).map((r) => [Number(r.id), new Date(r.at as Date)]));
  },
};
