/**
 * `npm run bench [-- --iterations 300 --budget-seconds 30 --import-rows 50000 --skip-import --skip-list --json out.json]`
 *
 * Needs a PostgreSQL data set made by `npm run seed:national` (DATABASE_URL). Prints p50/p95 of the
 * enterprise list and a 2-character name search through the platform beside the same SQL run raw via
 * pg, and the survey-form import rate beside exceljs's streaming read. Not part of the test suite.
 *
 *   scripts/with-pg15.sh bash -c 'npm run seed:national -- --enterprises 1000000 && npm run bench'
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import type { AppContext } from '../apps/server/src/app-context.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase, queryRows } from '../apps/server/src/db/client.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { DEMO_PASSWORD } from '../apps/server/src/db/seeds/base.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { loadInstallationSecrets } from '../apps/server/src/platform/crypto/installation-secrets.ts';
import { sql } from 'drizzle-orm';
import { type ImportBench, runImportBench } from './import-bench.ts';
import { type ListResult, runListBench } from './list-bench.ts';
import { installQueryCapture } from './query-capture.ts';
import { int, ms } from './stats.ts';

const { values: args } = parseArgs({
  options: {
    iterations: { type: 'string', default: '300' },
    'budget-seconds': { type: 'string', default: '30' },
    'import-rows': { type: 'string', default: '50000' },
    'import-county': { type: 'string', default: '410182' },
    'import-office': { type: 'string', default: 'xy-office' },
    'skip-import': { type: 'boolean', default: false },
    'skip-list': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});

const config = loadConfig();
if (!config.databaseUrl) {
  console.error('bench 需要 PostgreSQL（DATABASE_URL），数据由 npm run seed:national 生成。例如：');
  console.error("  scripts/with-pg15.sh bash -c 'npm run seed:national -- --enterprises 100000 && npm run bench'");
  process.exit(2);
}
const t0 = performance.now();
const log = (m: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${m}`);

const database = await openDatabase(config);
await runMigrations(database);
const ctx: AppContext = { config: { ...config, demoMode: true }, database, db: database.db, clock: systemClock, ...loadInstallationSecrets(config.dataDir) };
const [size] = await queryRows<{ enterprises: number; lines: number; version: string; bytes: string }>(
  ctx.db,
  sql`SELECT (SELECT count(*)::int FROM enterprise) AS enterprises, (SELECT count(*)::int FROM line) AS lines,
             current_setting('server_version') AS version,
             pg_size_pretty(pg_database_size(current_database())) AS bytes`,
);
if (!size || size.enterprises < 10_000) {
  console.error(`数据库只有 ${size?.enterprises ?? 0} 家企业：请先运行 npm run seed:national（例如 -- --enterprises 100000）`);
  await database.close();
  process.exit(2);
}
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}，内存 ${Math.round(os.totalmem() / 2 ** 30)} GiB，Node ${process.version}，PostgreSQL ${size.version}`;
// The machine may be shared: the load average says how much the figures were disturbed.
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
const loadBefore = load();
log(`${machine}；企业 ${int(size.enterprises)}，生产线 ${int(size.lines)}，数据库 ${size.bytes}`);

const capture = installQueryCapture((database.db as unknown as { $client: pg.Pool }).$client);
const app = await buildApp(ctx);
let list: ListResult[] = [];
let imported: ImportBench | null = null;
try {
  if (!args['skip-list']) {
    list = await runListBench({
      app,
      capture,
      databaseUrl: config.databaseUrl,
      password: process.env.BENCH_PASSWORD ?? DEMO_PASSWORD,
      iterations: Number(args.iterations),
      budgetMs: Number(args['budget-seconds']) * 1000,
      log,
    });
  }
  if (!args['skip-import']) {
    imported = await runImportBench({ ctx, rows: Number(args['import-rows']), county: args['import-county']!, office: args['import-office']!, log });
  }
} finally {
  await app.close();
  await database.close();
}

console.log(`\n${markdown()}`);
if (args.json) {
  await writeFile(args.json, JSON.stringify({ machine, size, iterations: Number(args.iterations), list, imported }, null, 2));
  log(`结果已写入 ${args.json}`);
}

function markdown(): string {
  const out: string[] = [`机器：${machine}；运行前后 1/5/15 分钟平均负载 ${loadBefore} → ${load()}`, `数据：企业 ${int(size!.enterprises)}，生产线 ${int(size!.lines)}，数据库 ${size!.bytes}`, ''];
  if (list.length) {
    out.push(
      `每项至多 ${args.iterations} 轮（单项限时 ${args['budget-seconds']} s，至少 20 轮），平台请求与原始 SQL 交替执行；时间单位 ms；倍数 = 平台时间 / 原始 SQL 时间。`,
      '',
      '| 场景 | 匹配企业 | 深度 | 轮 | 平台 p50 | 平台 p95 | SQL p50 | SQL p95 | 倍数 p50 | 倍数 p95 | 语句（平台/原始） |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const r of list) {
      out.push(
        `| ${r.scenario.name} | ${int(r.matching)} | ${int(r.depth)} | ${r.rounds} | ${ms(r.platform.p50)} | ${ms(r.platform.p95)} | ` +
          `${ms(r.raw.p50)} | ${ms(r.raw.p95)} | ${(r.platform.p50 / r.raw.p50).toFixed(1)} | ${(r.platform.p95 / r.raw.p95).toFixed(1)} | ${r.statementsPerRequest}/${r.rawStatements} |`,
      );
    }
    out.push('', '企业分页语句的执行计划（扫描节点）：', '');
    for (const r of list) out.push(`- ${r.scenario.name}：${r.plan}`);
    out.push('');
  }
  if (imported) {
    const base = imported.steps[0]!.rowsPerSecond;
    out.push(
      `排查登记表 ${int(imported.rows)} 行（${imported.fileMb.toFixed(1)} MB，县 ${imported.county}），新建企业 ${int(imported.created.enterprises)}、生产线 ${int(imported.created.lines)}：`,
      '',
      '| 步骤 | 行 | 秒 | 行/秒 | exceljs 读取 / 本步 | 峰值 RSS MB |',
      '|---|---:|---:|---:|---:|---:|',
      ...imported.steps.map(
        (s) => `| ${s.step} | ${int(s.rows)} | ${s.seconds.toFixed(2)} | ${int(s.rowsPerSecond)} | ${(base / s.rowsPerSecond).toFixed(1)} | ${s.peakRssMb} |`,
      ),
    );
  }
  return out.join('\n');
}
