import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { AppContext } from '../../src/app-context.ts';
import { loadConfig } from '../../src/config.ts';
import { type Database, openDatabase, openPgliteFrom } from '../../src/db/client.ts';
import { DEMO_PASSWORD } from '../../src/db/seeds/base.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { loadSealKey } from '../../src/platform/crypto/seal.ts';
import { TEST_EPOCH } from './template.ts';

export interface TestApp {
  ctx: AppContext;
  app: FastifyInstance;
  clock: ManualClock;
  engine: 'pglite' | 'postgres';
  /** Logs in and returns the session cookie header value. */
  login(username: string, password?: string): Promise<string>;
  request(opts: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A fresh database copied from the seeded template, and the real app on top of it. */
export async function createTestApp(): Promise<TestApp> {
  const url = process.env.TEST_DATABASE_URL;
  let database: Database;
  let dropDb: (() => Promise<void>) | null = null;
  if (url) {
    const name = `taotai_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: u.toString(), dataDir: '' });
    dropDb = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dump = await readFile(inject('templateDump'));
    database = await openPgliteFrom(new Blob([dump]));
  }
  const clock = new ManualClock(TEST_EPOCH);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'taotai-test-'));
  const sealKey = loadSealKey({ dataDir });
  const ctx: AppContext = { config: { ...loadConfig({}), dataDir, demoMode: true }, database, db: database.db, clock, sealKey };
  const app = await buildApp(ctx);
  const request: TestApp['request'] = (opts) => {
    const { cookie, ...rest } = opts;
    return app.inject({ ...rest, headers: { ...(rest.headers ?? {}), ...(cookie ? { cookie } : {}) } });
  };
  return {
    ctx,
    app,
    clock,
    engine: database.engine,
    request,
    async login(username, password = DEMO_PASSWORD) {
      const res = await request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const c = res.cookies.find((x) => x.name === 'taotai_sid')!;
      return `taotai_sid=${c.value}`;
    },
    async close() {
      await app.close();
      await database.close();
      await dropDb?.();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export { TEST_EPOCH };
