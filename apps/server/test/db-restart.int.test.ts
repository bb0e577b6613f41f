import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReceiptPepper } from '../src/platform/crypto/receipt-pepper.ts';
import { loadSealKey } from '../src/platform/crypto/seal.ts';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { DEMO_PASSWORD, seedBase } from '../src/db/seeds/base.ts';
import { systemClock } from '../src/platform/clock.ts';
import { enterpriseBody } from './enterprise-fixtures.ts';
import { PGBIN, type PrivateCluster, startPrivateCluster } from './support/private-pg.ts';

/**
 * Issue 9, "survive the database": PostgreSQL restarts under four writing clients. The server keeps running,
 * answers 503 while the database is away (not 500, not silence), 2xx again once it is back, and every write it
 * acknowledged is in the database. Needs a cluster of its own (it is stopped and restarted), so it runs in the
 * PostgreSQL pass only (TEST_DATABASE_URL set by scripts/with-pg15.sh) and where PostgreSQL 15's binaries are.
 */
const enabled = Boolean(process.env.TEST_DATABASE_URL) && existsSync(path.join(PGBIN, 'pg_ctl'));
const title = enabled
  ? 'PostgreSQL restart under load'
  : 'PostgreSQL restart under load (skipped: runs only in the PostgreSQL pass, with TEST_DATABASE_URL and PostgreSQL 15 binaries)';

type Phase = 'before' | 'restart' | 'between' | 'down' | 'after';
interface Outcome {
  writer: number;
  phase: Phase;
  /** HTTP status; 0 = no answer within the client's timeout or a broken connection. */
  status: number;
  id?: number;
  error?: string;
  message?: string;
}

const WRITERS = 4;
const REQUEST_TIMEOUT_MS = 30_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!enabled)(title, () => {
  let cluster: PrivateCluster;
  let database: Database;
  let app: FastifyInstance;
  let base: string;
  let dataDir: string;

  beforeAll(async () => {
    cluster = await startPrivateCluster();
    database = await openDatabase({ databaseUrl: cluster.url, dataDir: '' });
    await runMigrations(database);
    await seedBase(database.db, systemClock, { demoMode: true, onlyProvince: '410000' });
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'taotai-dbr-'));
    const config = { ...loadConfig({}), dataDir, demoMode: true, databaseUrl: cluster.url };
    const sealKey = loadSealKey({ dataDir });
    app = await buildApp({ config, database, db: database.db, clock: systemClock, sealKey, receiptPepper: loadReceiptPepper({ dataDir }) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await cluster?.destroy();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 503 during the outage, 2xx after it, and loses no acknowledged write', async () => {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ username: 'admin', password: process.env.TAOTAI_ADMIN_PASSWORD ?? DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

    let phase: Phase = 'before';
    let running = true;
    const outcomes: Outcome[] = [];

    const writer = async (n: number) => {
      for (let i = 0; running && i < 5_000; i++) {
        const outcome: Outcome = { writer: n, phase, status: 0 };
        try {
          const res = await fetch(`${base}/api/v1/enterprises`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: base, cookie },
            body: JSON.stringify(enterpriseBody()),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          const body = (await res.json()) as { id?: number; error?: string; message?: string };
          Object.assign(outcome, { status: res.status, id: body.id, error: body.error, message: body.message });
        } catch (err) {
          outcome.message = String(err);
        }
        outcome.phase = phase; // the phase the answer arrived in
        outcomes.push(outcome);
        // Do not spin while the database is away: a refused connection answers at once.
        await sleep(outcome.status === 503 ? 100 : 20);
      }
    };

    const until = async (what: string, cond: () => boolean, ms: number) => {
      const deadline = Date.now() + ms;
      while (!cond()) {
        if (Date.now() > deadline) {
          const counts = outcomes.reduce<Record<string, number>>((m, o) => {
            m[`${o.phase}:${o.status}`] = (m[`${o.phase}:${o.status}`] ?? 0) + 1;
            return m;
          }, {});
          throw new Error(`${what} did not happen within ${ms} ms; outcomes ${JSON.stringify(counts)}`);
        }
        await sleep(50);
      }
    };
    const ok = (o: Outcome) => o.status >= 200 && o.status < 300;
    const okIn = (p: Phase, writerNo?: number) => outcomes.filter((o) => o.phase === p && ok(o) && (writerNo === undefined || o.writer === writerNo)).length;

    const writers = Array.from({ length: WRITERS }, (_, n) => writer(n));
    try {
      await until('writes before the restart', () => okIn('before') >= 8, 60_000);
      // 1. A fast restart mid-load: every session is terminated (57P01) under its request.
      phase = 'restart';
      await cluster.restartFast();
      phase = 'between';
      await until('writes after the fast restart', () => okIn('between') >= 4, 60_000);
      // 2. An outage long enough that requests certainly meet it, then PostgreSQL returns.
      phase = 'down';
      await cluster.stopFast();
      await until('503 answers while the database is down', () => outcomes.filter((o) => o.phase === 'down' && o.status === 503).length >= 4, 30_000);
      await cluster.start();
      phase = 'after';
      await until('every writer succeeds again', () => Array.from({ length: WRITERS }, (_, n) => okIn('after', n) >= 2).every(Boolean), 90_000);
    } finally {
      running = false;
      await Promise.all(writers);
    }

    // Never a 500 and never silence: each answer is a success or "database unavailable".
    const unexpected = outcomes.filter((o) => !ok(o) && o.status !== 503);
    expect(unexpected, JSON.stringify(unexpected.slice(0, 5))).toEqual([]);
    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(unavailable.length).toBeGreaterThanOrEqual(4);
    for (const o of unavailable) expect(o).toMatchObject({ error: 'db_unavailable', message: '数据库暂时不可用，请稍后重试' });

    // The same server process still answers, from a pool that reconnected by itself.
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', engine: 'postgres' });

    // Every acknowledged write is in the database.
    const acknowledged = outcomes.filter(ok).map((o) => o.id!);
    expect(acknowledged.length).toBeGreaterThanOrEqual(8 + 4 + 2 * WRITERS);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    const check = new pg.Client({ connectionString: cluster.url });
    await check.connect();
    try {
      const res = await check.query<{ n: string }>('SELECT count(*) AS n FROM enterprise WHERE id = ANY($1::bigint[])', [acknowledged]);
      expect(Number(res.rows[0]!.n)).toBe(acknowledged.length);
    } finally {
      await check.end();
    }
  });
});
