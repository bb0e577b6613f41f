
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { AppContext } from '../../src/app-context.ts';
import { loadConfig } from '../../src/config.ts';
import { type Database, openDatabase, openPgliteFrom } from '../../src/db/client.ts';
import { DEMO_PASSWORD } from '../../src/db/seeds/base.ts';
import { setPasswordHashCost } from '../../src/platform/auth/passwords.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { loadInstallationSecrets } from '../../src/platform/crypto/installation-secrets.ts';
import { copyTemplateDatabase } from './template-db.ts';
import { TEST_ENV, TEST_EPOCH } from './template.ts';

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

/** What `app.inject` requests are addressed to (Host: localhost:80), as a browser on the app's page sends it. */
export const TEST_ORIGIN = 'http://localhost';

/**
 * A fresh database copied from the seeded template, and the real app on top of it. `trustProxy` as TRUST_PROXY would
 * set it; `logger` receives the server's request log (tests that read what is logged).
 */
export async function createTestApp(opts: { trustProxy?: boolean; logger?: NodeJS.WritableStream } = {}): Promise<TestApp> {
  const url = process.env.TEST_DATABASE_URL;
  let database: Database;
  let dropDb: (() => Promise<void>) | null = null;
  if (url) {
    const copy = await copyTemplateDatabase(url, 'taotai_t');
    database = await openDatabase({ databaseUrl: copy.url, dataDir: '' });
    dropDb = copy.drop;
  } else {
    const dump = await readFile(inject('templateDump'));
    database = await openPgliteFrom(new Blob([dump]));
  }
  const clock = new ManualClock(TEST_EPOCH);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'taotai-test-'));
  const config = { ...loadConfig(TEST_ENV), dataDir, demoMode: true, ...(opts.trustProxy ? { trustProxy: true } : {}) };
  setPasswordHashCost(config.argon2);
  const ctx: AppContext = { config, database, db: database.db, clock, ...loadInstallationSecrets(config.dataDir) };
  const app = await buildApp(ctx, opts.logger ? { logger: opts.logger } : {});
  const request: TestApp['request'] = (opts) => {
    const { cookie, ...rest } = opts;
    // A state-changing request carries the Origin a browser would send (the CSRF check requires it); a test
    // that probes the check passes its own origin/referer, or calls app.inject directly.
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes((rest.method ?? 'GET').toUpperCase());
    const given = rest.headers ?? {};
    const origin = unsafe && !('origin' in given) && !('referer' in given) ? { origin: TEST_ORIGIN } : {};
    return app.inject({ ...rest, headers: { ...origin, ...given, ...(cookie ? { cookie } : {}) } });
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
