import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type Database, queryRows } from './client.ts';

const migrationsFolder = path.resolve(import.meta.dirname, '../../drizzle');

/** Runs pending migrations from code at start-up, on either engine. */
export async function runMigrations(database: Database): Promise<void> {
  const m = database.engine === 'pglite' ? migratePglite : migrateNodePg;
  await m(database.db as never, { migrationsFolder });
}

/** The last applied migration's tag, for /api/health. */
export async function migrationVersion(database: Database): Promise<string> {
  const rows = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
  const n = rows[0]?.n ?? 0;
  const journal = (await import('../../drizzle/meta/_journal.json', { with: { type: 'json' } })).default as {
    entries: { idx: number; tag: string }[];
  };
  return journal.entries[n - 1]?.tag ?? 'none';
}
