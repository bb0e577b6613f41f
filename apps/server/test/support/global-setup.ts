import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, openPgliteFrom } from '../../src/db/client.ts';
import { runMigrations } from '../../src/db/migrate.ts';
import { runTmpDir } from './run-tmp-dir.ts';
import { fillTemplate } from './template.ts';

export const TEMPLATE_DB = 'taotai_tpl';

/**
 * Builds one migrated, seeded database per run; each test file then starts from a copy:
 * a PGlite data-dir dump, or `CREATE DATABASE … TEMPLATE` on PostgreSQL (TEST_DATABASE_URL).
 * Returns the teardown that removes what the run wrote (issue 9: nothing left in /tmp or apps/server/.tmp).
 */
export default async function setup(project: TestProject) {
  const cleanTmp = await runTmpDir();
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const tplUrl = new URL(url);
    tplUrl.pathname = `/${TEMPLATE_DB}`;
    const database = await openDatabase({ databaseUrl: tplUrl.toString(), dataDir: '' });
    await runMigrations(database);
    await fillTemplate(database.db);
    await database.close();
    project.provide('templateDb', TEMPLATE_DB);
    return cleanTmp;
  }
  const database = await openPgliteFrom();
  await runMigrations(database);
  await fillTemplate(database.db);
  // Uncompressed: every test file loads this dump, and skipping gunzip saves ~0.4 s of CPU per file
  // (docs/performance.md); 45 MB on disk for the length of the run.
  const dump = await database.client.dumpDataDir('none');
  await database.close();
  const dir = path.resolve(import.meta.dirname, '../../.tmp');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('templateDump', file);
  return async () => {
    await rm(file, { force: true });
    await rmdir(dir).catch(() => undefined); // only when empty: screenshots and benches live there too
    await cleanTmp();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDump: string;
    templateDb: string;
  }
}
