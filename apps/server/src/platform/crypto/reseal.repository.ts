import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';

/** The sealed column a statement works on; names come from the Drizzle schema (db/sealed-columns.ts), never from input. */
export interface SealedColumnRef {
  table: string;
  column: string;
}

const names = (c: SealedColumnRef) => ({ t: sql.identifier(c.table), v: sql.identifier(c.column) });

/** SQL of the re-seal (reseal.ts): one sealed column at a time, walked by `id`. */
export const resealRepository = {
  /** The next rows after `afterId` whose value is not under the current key (`prefix` = `s2:<kid>:`), locked. */
  async batch(tx: Db, c: SealedColumnRef, afterId: number, prefix: string, limit: number): Promise<{ id: number; value: string }[]> {
    const { t, v } = names(c);
    return queryRows(
      tx,
      sql`SELECT id, ${v} AS value FROM ${t} WHERE id > ${afterId} AND ${v} IS NOT NULL AND ${v} NOT LIKE ${`${prefix}%`} ORDER BY id LIMIT ${limit} FOR UPDATE`,
    );
  },
  /** Replaces a value only if it is still the one read (a concurrent change wins). */
  async replace(tx: Db, c: SealedColumnRef, id: number, from: string, to: string): Promise<boolean> {
    const { t, v } = names(c);
    const rows = await queryRows(tx, sql`UPDATE ${t} SET ${v} = ${to} WHERE id = ${id} AND ${v} = ${from} RETURNING id`);
    return rows.length > 0;
  },
  /** Values not (yet) under the current key. */
  async countOther(db: Db, c: SealedColumnRef, prefix: string): Promise<number> {
    const { t, v } = names(c);
    const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${t} WHERE ${v} IS NOT NULL AND ${v} NOT LIKE ${`${prefix}%`}`);
    return Number(row?.n ?? 0);
  },
};
