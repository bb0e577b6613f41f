
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DEMO_PASSWORD } from '../src/db/seeds/base.ts';
import { type ChildServer, freePort, startChildServer } from './support/child-server.ts';
import { copyTemplateDatabase } from './support/template-db.ts';
import { formRow, formXlsx } from './survey-import-fixtures.ts';

/**
 * Issue 9: kill -9 in the middle of committing a 10,000-row survey form, restart on the same data, and the
 * registry holds all of the rows or none of them — never a part. The import is one transaction; this proves
 * the engine's recovery keeps it so (PGlite's WAL under DATA_DIR/pglite, or PostgreSQL with DATABASE_URL).
 */

const ROWS = 10_000;
// The commit re-reads the file (~1–2 s) before its transaction; later kills land inside the transaction.
const KILL_AFTER_MS = [1500, 4000, 8000];

describe('kill -9 while a survey form is being committed', () => {
  let dataDir: string;
  let databaseUrl: string | undefined;
  let dropDb: (() => Promise<void>) | null = null;
  let server: ChildServer | null = null;
  let port: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'taotai-kill-'));
    port = await freePort();
    const url = process.env.TEST_DATABASE_URL;
    if (url) {
      // A fresh database from the seeded template, as every integration file gets.
      const copy = await copyTemplateDatabase(url, 'taotai_k');
      databaseUrl = copy.url;
      dropDb = copy.drop;
    } else {
      // The seeded template unpacked into DATA_DIR/pglite, so the server's first start skips the national seed.
      const dump = await readFile(inject('templateDump'));
      const pglite = await PGlite.create(path.join(dataDir, 'pglite'), { loadDataDir: new Blob([dump]) });
      await pglite.close();
    }
  });

  afterAll(async () => {
    await server?.stop();
    await dropDb?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    server = await startChildServer({ dataDir, port, databaseUrl });
    return server;
  };

  async function login(s: ChildServer): Promise<string> {
    const res = await fetch(`${s.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: s.baseUrl },
      body: JSON.stringify({ username: 'xy-office', password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
    return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  }

  /** The test's enterprises as the restarted server sees them (one line each, written in the same transaction). */
  async function enterprisesOf(s: ChildServer, cookie: string, prefix: string): Promise<number> {
    const res = await fetch(`${s.baseUrl}/api/v1/enterprises?q=${encodeURIComponent(prefix)}&withTotal=true&limit=1`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`list: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { total: number }).total;
  }

  it(
    'leaves none or all of 10,000 rows, at each of three kill moments',
    async () => {
      const outcomes: string[] = [];
      let s = await start();
      for (const [i, delay] of KILL_AFTER_MS.entries()) {
        const prefix = `荥阳市断电测试${i}号建材有限公司`;
        const file = await formXlsx(Array.from({ length: ROWS }, (_, n) => formRow({ seq: n + 1, name: `${prefix}${n}` })));
        let cookie = await login(s);
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(file)]), '断电测试.xlsx');
        const pre = await fetch(`${s.baseUrl}/api/v1/survey-imports/preview`, { method: 'POST', headers: { cookie, origin: s.baseUrl }, body: form });
        const p = (await pre.json()) as { token: string | null; errorCount: number; lineCount: number };
        expect(pre.status, JSON.stringify(p).slice(0, 500)).toBe(200);
        expect(p).toMatchObject({ errorCount: 0, lineCount: ROWS });

        const committing = fetch(`${s.baseUrl}/api/v1/survey-imports/commit`, {
          method: 'POST',
          headers: { cookie, origin: s.baseUrl, 'content-type': 'application/json' },
          body: JSON.stringify({ token: p.token }),
        }).then(
          (r) => `answered ${r.status}`,
          () => 'cut off',
        );
        await new Promise((r) => setTimeout(r, delay));
        await s.kill9();
        const answer = await committing;

        // The server comes back on the same data (the engine's recovery) and is asked what it holds.
        s = await start();
        cookie = await login(s);
        const got = await enterprisesOf(s, cookie, prefix);
        outcomes.push(`kill after ${delay} ms: ${answer}, ${got} enterprises`);
        expect([0, ROWS], outcomes.join('\n')).toContain(got);
        if (answer === 'answered 200') expect(got).toBe(ROWS);
      }
      console.log(outcomes.join('\n'));
    },
    20 * 60_000,
  );
});
