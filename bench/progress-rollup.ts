/**
 * `npm run bench:progress [-- --tasks 200000 --iterations 100 --budget-seconds 20 --year 2026 --json out.json]`
 *
 * The progress picture (GET /api/v1/progress, read from the rollup tables) for the whole country, a
 * province and a county, each beside the raw SQL aggregate over the base tables (exit_task ⋈ plan line ⋈
 * enterprise) that answers the same question without the rollup. Needs the national data set
 * (`npm run seed:national`); creates the exit tasks itself the first time. Not part of the test suite.
 *
 *   scripts/with-pg15.sh bash -c 'npm run seed:national -- --enterprises 1000000 && npm run bench:progress'
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { ProgressPicture } from '@taotai/shared';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import type { AppContext } from '../apps/server/src/app-context.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase, queryRows } from '../apps/server/src/db/client.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { DEMO_PASSWORD } from '../apps/server/src/db/seeds/base.ts';
import { progressMaintenance } from '../apps/server/src/modules/progress/index.ts';
import { todayInChina } from '../apps/server/src/platform/calendar/today.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { loadInstallationSecrets } from '../apps/server/src/platform/crypto/installation-secrets.ts';
import { ensureTasks } from './progress-data.ts';
import { int, ms, type Summary, summarise } from './stats.ts';

const { values: args } = parseArgs({
  options: {
    tasks: { type: 'string', default: '200000' },
    iterations: { type: 'string', default: '100' },
    'budget-seconds': { type: 'string', default: '20' },
    year: { type: 'string', default: '2026' },
    json: { type: 'string' },
  },
});
const year = Number(args.year);

interface Scenario {
  name: string;
  user: string;
  region: string;
  /** Enterprise column that narrows the base tables to the region (none for the country), and the expression naming its child. */
  where: string | null;
  child: string;
}
const SCENARIOS: Scenario[] = [
  { name: '管理员 · 全国（省为下级）', user: 'admin', region: '100000', where: null, child: 'e.province_code' },
  { name: '省级办公室 · 河南省（市为下级）', user: 'ha-office', region: '410000', where: 'province_code', child: 'coalesce(e.prefecture_code, e.county_code)' },
  { name: '县级办公室 · 巩义市（乡镇为下级）', user: 'gy-office', region: '410181', where: 'county_code', child: 'e.township_code' },
];

const config = loadConfig();
if (!config.databaseUrl) {
  console.error('bench:progress 需要 PostgreSQL（DATABASE_URL），数据由 npm run seed:national 生成。例如：');
  console.error("  scripts/with-pg15.sh bash -c 'npm run seed:national -- --enterprises 100000 && npm run bench:progress'");
  process.exit(2);
}
const t0 = performance.now();
const log = (m: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${m}`);
const database = await openDatabase(config);
await runMigrations(database);
const ctx: AppContext = { config: { ...config, demoMode: true }, database, db: database.db, clock: systemClock, ...loadInstallationSecrets(config.dataDir) };
const [size] = await queryRows<{ enterprises: number; lines: number; version: string }>(
  ctx.db,
  sql`SELECT (SELECT count(*)::int FROM enterprise) AS enterprises, (SELECT count(*)::int FROM line) AS lines, current_setting('server_version') AS version`,
);
if (!size || size.enterprises < 10_000) {
  console.error(`数据库只有 ${size?.enterprises ?? 0} 家企业：请先运行 npm run seed:national（例如 -- --enterprises 100000）`);
  await database.close();
  process.exit(2);
}
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}，内存 ${Math.round(os.totalmem() / 2 ** 30)} GiB，Node ${process.version}，PostgreSQL ${size.version}`;
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
const loadBefore = load();
log(`${machine}；企业 ${int(size.enterprises)}，生产线 ${int(size.lines)}`);
const data = await ensureTasks(ctx.db, year, Number(args.tasks), log);
const today = todayInChina(new Date());

/** The same picture straight from the base tables: per child, industry, unit and stage, plus enterprises. */
function rawStatements(s: Scenario): pg.QueryConfig[] {
  // $1 year, then the region code when the scenario narrows to one; the cells statement adds today last.
  const values: unknown[] = s.where ? [year, s.region] : [year];
  const from = `FROM exit_task t JOIN elimination_plan p ON p.id = t.plan_id JOIN elimination_plan_line pl ON pl.id = t.plan_line_id
    JOIN enterprise e ON e.id = t.enterprise_id WHERE p.year = $1 ${s.where ? `AND e.${s.where} = $2` : ''}`;
  const stage = `CASE WHEN t.status IN ('dismantled', 'acceptance_requested', 'rejected') THEN 'dismantled' ELSE t.status END`;
  return [
    {
      text: `SELECT coalesce(${s.child}, '') AS child, pl.industry_code, pl.capacity_unit, ${stage} AS stage, count(*)::int AS tasks,
        sum(pl.capacity)::text AS capacity,
        count(*) FILTER (WHERE t.status = 'sealed' AND t.dismantle_deadline < $${values.length + 1}::date)::int AS overdue
        ${from} GROUP BY 1, 2, 3, 4`,
      values: [...values, today],
    },
    {
      text: `SELECT child, count(*)::int AS planned, count(*) FILTER (WHERE done)::int AS accepted FROM (
        SELECT coalesce(${s.child}, '') AS child, t.enterprise_id, bool_and(t.status IN ('accepted', 'closed')) AS done
        ${from} GROUP BY 1, 2) x GROUP BY 1`,
      values,
    },
  ];
}

interface Result {
  scenario: Scenario;
  tasks: number;
  rounds: number;
  platform: Summary;
  raw: Summary;
  children: number;
  rollupRowsRead: number;
}

const app = await buildApp(ctx);
const raw = new pg.Client({ connectionString: config.databaseUrl });
await raw.connect();
const results: Result[] = [];
let maintenance: Summary | null = null;
try {
  for (const s of SCENARIOS) {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: s.user, password: process.env.BENCH_PASSWORD ?? DEMO_PASSWORD } });
    if (login.statusCode !== 200) throw new Error(`登录 ${s.user} 失败：${login.statusCode} ${login.body}`);
    const cookie = `taotai_sid=${login.cookies.find((c) => c.name === 'taotai_sid')!.value}`;
    const url = `/api/v1/progress?region=${s.region}&year=${year}`;
    const request = async () => {
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${s.name}：${res.statusCode} ${res.body}`);
      return res.json() as ProgressPicture;
    };
    const statements = rawStatements(s);
    const rawQuery = async () => {
      const out = [];
      for (const q of statements) out.push((await raw.query(q)).rows);
      return out;
    };
    const picture = await request();
    const [cells, enterprises] = (await rawQuery()) as [Record<string, string | number>[], Record<string, string | number>[]];
    check(s, picture, cells, enterprises);

    for (let i = 0; i < 5; i++) {
      await request();
      await rawQuery();
    }
    const tp = performance.now();
    await request();
    await rawQuery();
    const rounds = Math.max(10, Math.min(Number(args.iterations), Math.floor((Number(args['budget-seconds']) * 1000) / (performance.now() - tp))));
    const platform: number[] = [];
    const rawTimes: number[] = [];
    // Interleaved, so load from other processes on the machine hits both sides alike.
    for (let i = 0; i < rounds; i++) {
      let t = performance.now();
      await request();
      platform.push(performance.now() - t);
      t = performance.now();
      await rawQuery();
      rawTimes.push(performance.now() - t);
    }
    const [read] = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM progress_rollup WHERE year = ${year} AND region_code IN (SELECT ${s.region} UNION ALL SELECT code FROM region WHERE parent_code ${s.region === '100000' ? sql`IS NULL` : sql`= ${s.region}`})`,
    );
    const r: Result = { scenario: s, tasks: picture.tasks, rounds, platform: summarise(platform), raw: summarise(rawTimes), children: picture.children.length, rollupRowsRead: read!.n };
    results.push(r);
    log(`${s.name}（${rounds} 轮，任务 ${int(r.tasks)}）：平台 p50 ${ms(r.platform.p50)} ms / p95 ${ms(r.platform.p95)} ms；基表聚合 SQL p50 ${ms(r.raw.p50)} ms / p95 ${ms(r.raw.p95)} ms`);
  }
  maintenance = await timeMaintenance();
} finally {
  await raw.end();
  await app.close();
  await database.close();
}

/** The picture must say what the base tables say: tasks, capacity per unit, overdue and enterprises, child by child. */
function check(s: Scenario, p: ProgressPicture, cells: Record<string, string | number>[], enterprises: Record<string, string | number>[]) {
  const want = { tasks: 0, overdue: 0, planned: 0, accepted: 0, cap: new Map<string, number>() };
  for (const c of cells) {
    want.tasks += Number(c.tasks);
    want.overdue += Number(c.overdue);
    const k = `${c.industry_code}|${c.capacity_unit}`;
    want.cap.set(k, Math.round((want.cap.get(k) ?? 0) + Number(c.capacity) * 10_000));
  }
  for (const e of enterprises) {
    want.planned += Number(e.planned);
    want.accepted += Number(e.accepted);
  }
  const got = new Map(p.figures.filter((f) => f.plannedTasks > 0).map((f) => [`${f.industryCode}|${f.unit}`, Math.round(f.plannedCapacity * 10_000)]));
  const same =
    p.tasks === want.tasks &&
    p.overdueTasks === want.overdue &&
    p.enterprisesPlanned === want.planned &&
    p.enterprisesAccepted === want.accepted &&
    got.size === want.cap.size &&
    [...want.cap].every(([k, v]) => got.get(k) === v);
  if (!same) throw new Error(`${s.name}：汇总表与基表聚合不一致 ${JSON.stringify({ p: [p.tasks, p.overdueTasks, p.enterprisesPlanned, p.enterprisesAccepted], want: [want.tasks, want.overdue, want.planned, want.accepted] })}`);
  const childTasks = new Map<string, number>();
  for (const c of cells) childTasks.set(String(c.child), (childTasks.get(String(c.child)) ?? 0) + Number(c.tasks));
  for (const c of p.children.filter((x) => !x.directlyAdministered && !x.ownLevel)) {
    if ((childTasks.get(c.code) ?? 0) !== c.tasks) throw new Error(`${s.name}：下级 ${c.code} 任务数 ${c.tasks}，基表 ${childTasks.get(c.code) ?? 0}`);
  }
  log(`${s.name}：与基表聚合核对一致（任务 ${int(want.tasks)}，逾期 ${int(want.overdue)}，企业 ${int(want.planned)}/${int(want.accepted)}）`);
}

/** What keeping the rollup costs a task change: one seal's maintenance statements, rolled back each time. */
async function timeMaintenance(): Promise<Summary> {
  const ids = await queryRows<{ id: number }>(ctx.db, sql`SELECT id FROM exit_task WHERE status = 'planned' ORDER BY id LIMIT 50`);
  const times: number[] = [];
  for (const { id } of ids) {
    const t = performance.now();
    await ctx.db
      .transaction(async (tx) => {
        await tx.execute(sql`UPDATE exit_task SET status = 'sealed', dismantle_deadline = ${today}::date + 30 WHERE id = ${id}`);
        await progressMaintenance.taskMoved(tx, id, 'planned');
        times.push(performance.now() - t);
        throw new Error('rollback');
      })
      .catch(() => undefined);
  }
  return summarise(times);
}

const table = [
  `机器：${machine}；运行前后 1/5/15 分钟平均负载 ${loadBefore} → ${load()}`,
  `数据：企业 ${int(size.enterprises)}，生产线 ${int(size.lines)}，退出任务 ${int(data.tasks)}（${year} 年），汇总表 ${int(data.rollup)} 行（重建 ${data.rebuildSeconds.toFixed(1)} s）`,
  '',
  '平台 = GET /api/v1/progress（app.inject：会话、范围、zod、汇总表读取、组装）；基表 SQL = 不用汇总表、直接从 exit_task ⋈ 计划行 ⋈ 企业按下级、行业、单位、阶段聚合的两条语句（pg 直连）。两者交替执行；时间单位 ms。',
  '',
  '| 场景 | 范围内任务 | 下级行 | 读取汇总行 | 轮 | 平台 p50 | 平台 p95 | 基表 SQL p50 | 基表 SQL p95 | 基表 / 平台 p50 |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    (r) =>
      `| ${r.scenario.name} | ${int(r.tasks)} | ${r.children} | ${int(r.rollupRowsRead)} | ${r.rounds} | ${ms(r.platform.p50)} | ${ms(r.platform.p95)} | ${ms(r.raw.p50)} | ${ms(r.raw.p95)} | ${(r.raw.p50 / r.platform.p50).toFixed(1)} |`,
  ),
  '',
  `全国 / 县 平台 p50 之比：${(results[0]!.platform.p50 / results[2]!.platform.p50).toFixed(2)}；省 / 县：${(results[1]!.platform.p50 / results[2]!.platform.p50).toFixed(2)}。`,
  maintenance ? `维护汇总表的代价（一次封存的维护语句，事务内执行后回滚，${maintenance.n} 次）：p50 ${ms(maintenance.p50)} ms，p95 ${ms(maintenance.p95)} ms。` : '',
];
console.log(`\n${table.join('\n')}`);
if (args.json) {
  await writeFile(args.json, JSON.stringify({ machine, size, data, results, maintenance }, null, 2));
  log(`结果已写入 ${args.json}`);
}
