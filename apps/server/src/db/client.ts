import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { connectionErrorSummary } from './connection-errors.ts';
import { guardOuterQueriesInTransaction } from './pglite-tx-guard.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** A database or a transaction: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) {
    // connectionTimeoutMillis bounds both a new connection and the wait for a free one, so a request during an
    // outage ends with 503 instead of hanging.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, connectionTimeoutMillis: 10_000 });
    // A connection the server ends (restart, failover, pg_terminate_backend) emits `error` on its Client. The pool
    // listens only while the client is idle; a checked-out client without a listener would make Node treat the
    // event as fatal and stop the process. With this listener the request using it fails (→ 503), and the
    // pool drops the broken client on release and connects a new one on next use.
    pool.on('connect', (client) => {
      client.on('error', (err) => console.warn(`数据库连接已断开：${connectionErrorSummary(err)}`));
    });
    // Idle clients also report through the pool; the client listener above has logged it already.
    pool.on('error', () => {});
    // numeric and bigint as JS numbers is safe for our ranges; dates stay strings (types 1082).
    pg.types.setTypeParser(1082, (v) => v);
    return { db: drizzleNodePg({ client: pool, schema }) as unknown as Db, engine: 'postgres', close: () => pool.end() };
  }
  await mkdir(opts.dataDir, { recursive: true });
  // A query on the outer db inside a transaction would hang the one connection for good: it throws instead.
  const client = guardOuterQueriesInTransaction(await PGlite.create(path.join(opts.dataDir, 'pglite')));
  return { db: drizzlePglite({ client, schema }) as unknown as Db, engine: 'pglite', close: () => client.close() };
}

/** An in-memory PGlite, or a dump of one: used by tests. */
export async function openPgliteFrom(loadDataDir?: Blob): Promise<Database & { client: PGlite }> {
  const client = guardOuterQueriesInTransaction(await PGlite.create({ loadDataDir }));
  return {
    client,
    db: drizzlePglite({ client, schema }) as unknown as Db,
    engine: 'pglite',
    close: () => client.close(),
  };
}

/** Raw SQL for the few queries Drizzle's builder cannot express; both drivers return `{ rows }`. */
export async function queryRows<T>(db: Db, query: import('drizzle-orm').SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
