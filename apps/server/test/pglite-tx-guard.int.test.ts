import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPgliteFrom } from '../src/db/client.ts';
import { OUTER_DB_IN_TRANSACTION } from '../src/db/pglite-tx-guard.ts';

/** The test suite's guard against the single-connection deadlock (a query on the outer db inside a transaction). */
describe('PGlite guard: the outer db inside a transaction fails at once instead of hanging', () => {
  let d: Database;
  beforeAll(async () => {
    d = await openPgliteFrom();
  });
  afterAll(() => d.close());
  /** Drizzle wraps a driver error ("Failed query: …"); the guard's message is in its cause. */
  const refused = (e: unknown) => String((e as Error).cause ?? e).includes(OUTER_DB_IN_TRANSACTION);
  const one = async (q: Database['db']) => ((await q.execute(sql`SELECT 1 AS n`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;

  it('a query on the outer db from inside the callback throws, and the transaction rolls back', async () => {
    await d.db.execute(sql`CREATE TABLE IF NOT EXISTS guard_probe (n int)`);
    const attempt = d.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO guard_probe VALUES (1)`);
      return one(d.db);
    });
    expect(await attempt.then(() => 'answered', refused)).toBe(true);
    const rows = (await d.db.execute(sql`SELECT count(*)::int AS n FROM guard_probe`)) as unknown as { rows: { n: number }[] };
    expect(rows.rows[0]!.n).toBe(0);
  });

  it('so does a transaction opened on the outer db inside another', async () => {
    await expect(d.db.transaction(async () => d.db.transaction(async (tx) => one(tx)))).rejects.toThrow(OUTER_DB_IN_TRANSACTION);
  });

  it('the transaction itself, a savepoint, and a concurrent caller who waits its turn are allowed', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const inside = d.db.transaction(async (tx) => {
      await held;
      return (await one(tx)) + (await tx.transaction(async (sp) => one(sp)));
    });
    // Started outside the callback's async context: it waits for the transaction and then runs.
    const outside = one(d.db);
    release();
    expect(await inside).toBe(2);
    expect(await outside).toBe(1);
  });

  it('another database may be queried from inside the transaction', async () => {
    const other = await openPgliteFrom();
    try {
      expect(await d.db.transaction(async (tx) => (await one(tx)) + (await one(other.db)))).toBe(2);
    } finally {
      await other.close();
    }
  });
});
