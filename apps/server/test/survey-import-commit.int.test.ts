import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase, queryRows } from '../src/db/client.ts';
import { writeSurveyForm } from '../src/modules/survey-import/index.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { commit, counts, formRow, formXlsx, newUscc, preview } from './survey-import-fixtures.ts';
import { copyTemplateDatabase } from './support/template-db.ts';

const serverDir = path.resolve(import.meta.dirname, '..');

describe('survey import is all-or-nothing', () => {
  let t: TestApp;
  let xy: string;
  beforeAll(async () => {
    t = await createTestApp();
    xy = await t.login('xy-office');
  });
  afterAll(() => t.close());

  it('re-checks at commit: a USCC registered elsewhere since the preview fails the whole file', async () => {
    const taken = newUscc();
    const file = await formXlsx([formRow(), formRow({ seq: 2, uscc: taken }), formRow({ seq: 3 })]);
    const p = (await preview(t, xy, file)).json();
    expect(p.errors).toEqual([]);
    // Meanwhile 巩义 registers that USCC.
    const at = new Date();
    await t.ctx.db.execute(sql`INSERT INTO enterprise (uscc, name, region_code, province_code, prefecture_code, county_code, township_code,
                                                        industry_code, created_at, updated_at)
                               VALUES (${taken}, '巩义市抢先登记有限公司', '410181100', '410000', '410100', '410181', '410181100', 'cement', ${at}, ${at})`);
    const before = await counts(t);
    const res = await commit(t, xy, p.token);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('import_recheck_failed');
    // Row messages name the form's 序号, the sheet row and the enterprise (issue 10 §3).
    expect(res.json().message).toMatch(/第5行“统一社会信用代码”：序号\d+（第5行，.+）：该统一社会信用代码已在其他地区登记/);
    expect(res.json().fields).toEqual([{ path: '第5行“统一社会信用代码”', message: expect.stringMatching(/^序号\d+（第5行，.+）：该统一社会信用代码已在其他地区登记$/) }]);
    expect(await counts(t)).toEqual(before);
  });

  it('rolls back enterprises and earlier batches when a later batch fails, and the token can be retried', async () => {
    // 1,500 lines: the first batch of 1,000 goes in, the second hits a constraint set up to fail.
    const rows = Array.from({ length: 1500 }, (_, i) => formRow({ seq: i + 1, lineName: i === 1400 ? '故障注入生产线' : `${i + 1}号生产线` }));
    const p = (await preview(t, xy, await formXlsx(rows))).json();
    expect(p).toMatchObject({ errors: [], lineCount: 1500, newEnterpriseCount: 1500 });
    await t.ctx.db.execute(sql.raw(`ALTER TABLE line ADD CONSTRAINT test_fail_midway CHECK (name <> '故障注入生产线')`));
    const before = await counts(t);
    const res = await commit(t, xy, p.token);
    expect(res.statusCode).toBe(500);
    expect(await counts(t)).toEqual(before);
    await t.ctx.db.execute(sql.raw('ALTER TABLE line DROP CONSTRAINT test_fail_midway'));
    const retry = await commit(t, xy, p.token);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ enterprisesCreated: 1500, linesCreated: 1500 });
    const after = await counts(t);
    expect(after.e - before.e).toBe(1500);
    expect(after.l - before.l).toBe(1500);
  });
});

/** A database of its own (template copy) that a child process can open: a PGlite data dir, or a PostgreSQL database. */
async function standaloneDatabase(): Promise<{ env: Record<string, string>; open: () => Promise<Database>; drop: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'taotai-kill-'));
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const copy = await copyTemplateDatabase(url, 'taotai_kill');
    return {
      env: { DATABASE_URL: copy.url, DATA_DIR: dir },
      open: () => openDatabase({ databaseUrl: copy.url, dataDir: dir }),
      drop: async () => {
        await copy.drop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  // The migrated, seeded template, unpacked into an on-disk data dir (where openDatabase looks for it).
  const dump = await readFile(inject('templateDump'));
  const seeded = await PGlite.create({ dataDir: path.join(dir, 'pglite'), loadDataDir: new Blob([dump]) });
  await seeded.close();
  return {
    env: { DATABASE_URL: '', DATA_DIR: dir },
    open: () => openDatabase({ databaseUrl: null, dataDir: dir }),
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

describe('a process killed in the middle of an import', () => {
  it('leaves no enterprise and no line behind', { timeout: 600_000 }, async () => {
    const db = await standaloneDatabase();
    const file = path.join(db.env.DATA_DIR!, 'big.xlsx');
    await writeSurveyForm(file, { countyCode: '410182', rows: 20_000, seed: 7, serialBase: 400_000 });
    try {
      const base = await db.open();
      const before = await tally(base);
      await base.close();

      const child: ChildProcess = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/cli/import-survey-form.ts', '--user', 'xy-office', '--file', file, '--progress'],
        { cwd: serverDir, env: { ...process.env, ...db.env }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const seen: string[] = [];
      let killedAt: string | null = null;
      child.stdout!.setEncoding('utf8');
      let buf = '';
      child.stdout!.on('data', (chunk: string) => {
        buf += chunk;
        for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
          const lineText = buf.slice(0, i);
          buf = buf.slice(i + 1);
          seen.push(lineText);
          // Half the lines are written inside the transaction (all enterprises before them): pull the plug.
          const p = lineText.startsWith('{"progress"') ? JSON.parse(lineText).progress : null;
          if (!killedAt && p?.phase === 'lines' && p.done >= p.total / 2) {
            killedAt = lineText;
            child.kill('SIGKILL');
          }
        }
      });
      let stderr = '';
      child.stderr!.on('data', (c) => {
        stderr += c;
      });
      const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      expect(stderr).not.toMatch(/error/i);
      expect(killedAt).not.toBeNull();
      expect(exit.signal).toBe('SIGKILL');
      // It never got to report a committed import.
      expect(seen.some((l) => l.startsWith('{"result"'))).toBe(false);

      const reopened = await db.open();
      try {
        expect(await tally(reopened)).toEqual(before);
        const [mine] = await queryRows<{ n: number }>(reopened.db, sql`SELECT count(*)::int AS n FROM enterprise WHERE name LIKE '%测试有限公司4%'`);
        expect(mine!.n).toBe(0);
      } finally {
        await reopened.close();
      }
    } finally {
      await db.drop();
    }
  });
});

async function tally(d: Database) {
  const [r] = await queryRows<{ e: number; l: number; s: number }>(
    d.db,
    sql`SELECT (SELECT count(*)::int FROM enterprise) AS e, (SELECT count(*)::int FROM line) AS l, (SELECT count(*)::int FROM survey_import) AS s`,
  );
  return r!;
}
