import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
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
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // A pooled connection the server ends (restart, failover, pg_terminate_backend) is dropped by the pool and
    // replaced on next use; without a listener Node would treat the event as fatal and stop the whole process.
    pool.on('error', (err) => console.warn(`数据库连接已断开并从连接池移除：${err.message}`));
    // numeric and bigint as JS numbers is safe for our ranges; dates stay strings (types 1082).
    pg.types.setTypeParser(1082, (v) => v);
    return { db: drizzleNodePg({ client: pool, schema }) as unknown as Db, engine: 'postgres', close: () => pool.end() };
  }
  await mkdir(opts.dataDir, { recursive: true });
  const client = await PGlite.create(path.join(opts.dataDir, 'pglite'));
  return { db: drizzlePglite({ client, schema }) as unknown as Db, engine: 'pglite', close: () => client.close() };
}

/** An in-memory PGlite, or a dump of one: used by tests. */
export async function openPgliteFrom(loadDataDir?: Blob): Promise<Database & { client: PGlite }> {
  const client = await PGlite.create({ loadDataDir });
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
