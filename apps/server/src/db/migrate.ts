import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type Database, queryRows } from './client.ts';

const migrationsFolder = path.resolve(import.meta.dirname, '../../drizzle');

/**
 * Runs pending migrations from code at start-up, on either engine. With none pending it does not call the
 * migrator, whose `CREATE SCHEMA IF NOT EXISTS` needs CREATE on the database: so production can run the app
 * as a non-owner role once the owner has migrated (ADR 0009).
 */
export async function runMigrations(database: Database): Promise<void> {
  if (await upToDate(database)) return;
  const m = database.engine === 'pglite' ? migratePglite : migrateNodePg;
  await m(database.db as never, { migrationsFolder });
}

/** Drizzle applies every migration newer than the last one recorded; none is when the newest is recorded. */
async function upToDate(database: Database): Promise<boolean> {
  const [t] = await queryRows<{ t: string | null }>(database.db, sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
  if (!t?.t) return false;
  const [last] = await queryRows<{ at: string | null }>(database.db, sql`SELECT max(created_at)::text AS at FROM drizzle.__drizzle_migrations`);
  const journal = (await import('../../drizzle/meta/_journal.json', { with: { type: 'json' } })).default as { entries: { when: number }[] };
  const newest = Math.max(...journal.entries.map((e) => e.when));
  return last?.at != null && Number(last.at) >= newest;
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
