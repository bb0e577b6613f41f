/**
 * `npm run db:reset`: drops everything and recreates the schema on the configured engine.
 * PGlite: deletes DATA_DIR/pglite. PostgreSQL: drops the `public` and `drizzle` schemas.
 * With DEMO_MODE=false (a production install) it refuses unless `--yes` is given.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';

const config = loadConfig();
if (!config.demoMode && !process.argv.includes('--yes')) {
  console.error('DEMO_MODE=false：这会删除全部数据。确认请执行 npm run db:reset -- --yes');
  process.exit(2);
}

const started = Date.now();
if (config.databaseUrl) {
  const database = await openDatabase(config);
  // One statement per call: PGlite and prepared statements refuse several at once.
  await database.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await database.db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
  await database.db.execute(sql`CREATE SCHEMA public`);
  await runMigrations(database);
  await database.close();
  console.log(`已重建 PostgreSQL 数据库结构（${redact(config.databaseUrl)}），用时 ${Date.now() - started} ms`);
} else {
  const dir = path.join(config.dataDir, 'pglite');
  await rm(dir, { recursive: true, force: true });
  const database = await openDatabase(config);
  await runMigrations(database);
  await database.close();
  console.log(`已重建内置数据库（${dir}），用时 ${Date.now() - started} ms`);
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
