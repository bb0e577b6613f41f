/**
 * `npm run seed:national [-- --enterprises N --lines-per M --batch B]` (or SEED_ENTERPRISES, SEED_LINES_PER):
 * a national-scale data set on PostgreSQL for benchmarks — every region of the country, the demo accounts,
 * then N fictitious enterprises (default 1,000,000) spread over all townships with on average M lines each
 * (default 3). Rows are generated in SQL, batch by batch, inside one transaction with the secondary indexes
 * dropped and rebuilt at the end (a crash leaves the database as it was). Refuses PGlite.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { checkUscc } from '@taotai/shared';
import { loadConfig } from '../config.ts';
import { type Db, openDatabase, queryRows } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { seedBase } from '../db/seeds/base.ts';
import { seedDemo } from '../db/seeds/demo.ts';
import { recordAudit, systemSubject } from '../platform/audit/audit.ts';
import { systemClock } from '../platform/clock.ts';
import {
  type BatchParams,
  createCatalogueTables,
  createTownshipTable,
  insertEnterprises,
  insertLines,
  secondaryIndexes,
} from './national-data.ts';

/** More enterprises than the demo's few hundred means a bulk set is already there. */
const ALREADY_BULK = 1000;

const { values: args } = parseArgs({
  options: { enterprises: { type: 'string' }, 'lines-per': { type: 'string' }, batch: { type: 'string' } },
});
const positiveInt = (v: string | undefined, fallback: number, what: string) => {
  const n = Number((v ?? String(fallback)).replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isSafeInteger(n) || n <= 0) {
    console.error(`${what}应为正整数，收到“${v}”`);
    process.exit(2);
  }
  return n;
};
const target = positiveInt(args.enterprises ?? process.env.SEED_ENTERPRISES, 1_000_000, '企业数（--enterprises）');
const linesPer = positiveInt(args['lines-per'] ?? process.env.SEED_LINES_PER, 3, '每家企业平均生产线数（--lines-per）');
const batch = positiveInt(args.batch, 100_000, '每批企业数（--batch）');

const config = loadConfig();
if (!config.databaseUrl) {
  console.error(
    'seed:national 只在 PostgreSQL 上运行：请设置 DATABASE_URL（例如 scripts/with-pg15.sh bash -c "npm run seed:national"）。' +
      '内置 PGlite 单线程且会阻塞事件循环，不适合百万级数据。',
  );
  process.exit(2);
}

const t0 = Date.now();
const secs = (from = t0) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
const fmt = (n: number) => n.toLocaleString('en-US');
const log = (m: string) => console.log(`[${secs()}] ${m}`);

const database = await openDatabase(config);
try {
  await runMigrations(database);
  await seedBase(database.db, systemClock, { demoMode: true, log });
  await seedDemo(database.db, systemClock);
  log('行政区划（全国）、目录、演示账户与演示企业已就绪');
  await seedBulk(database.db);
} finally {
  await database.close();
}
log('完成');

async function seedBulk(db: Db): Promise<void> {
  const [{ n: existing, max }] = await queryRows<{ n: number; max: number }>(
    db,
    sql`SELECT count(*)::int AS n, coalesce(max(id), 0)::bigint::float8 AS max FROM enterprise`,
  ) as [{ n: number; max: number }];
  if (existing >= target) {
    log(`已有 ${fmt(existing)} 家企业（目标 ${fmt(target)}），不再生成`);
    return;
  }
  if (existing > ALREADY_BULK) {
    console.error(`数据库中已有 ${fmt(existing)} 家企业，少于目标 ${fmt(target)}：为免重复，请先执行 npm run db:reset 再生成。`);
    process.exitCode = 1;
    return;
  }
  const now = systemClock.now();
  await db.transaction(async (tx) => {
    for (const s of ['maintenance_work_mem', 'work_mem']) {
      await tx.execute(sql`SELECT set_config(${s}, ${s === 'work_mem' ? '256MB' : '1GB'}, true)`);
    }
    await tx.execute(sql`SELECT set_config('synchronous_commit', 'off', true)`);
    await tx.execute(createTownshipTable());
    for (const q of createCatalogueTables()) await tx.execute(q);
    const [{ townships }] = (await queryRows<{ townships: number }>(tx, sql`SELECT count(*)::int AS townships FROM nat_tw`)) as [
      { townships: number },
    ];
    const [{ industries }] = (await queryRows<{ industries: number }>(tx, sql`SELECT count(*)::int AS industries FROM nat_ind`)) as [
      { industries: number },
    ];
    // Maintaining seven indexes row by row costs several times more than building them once at the end.
    const indexes = await queryRows<{ name: string; def: string }>(tx, secondaryIndexes);
    for (const ix of indexes) await tx.execute(sql.raw(`DROP INDEX ${ix.name}`));
    log(`生成 ${fmt(target)} 家企业、约 ${fmt(target * linesPer)} 条生产线，分布于 ${fmt(townships)} 个乡镇；已暂时删除 ${indexes.length} 个二级索引`);

    let lines = 0;
    for (let from = 1; from <= target; from += batch) {
      const tb = Date.now();
      const p: BatchParams = { idBase: max, from, to: Math.min(target, from + batch - 1), townships, industries, linesPer, now };
      await tx.execute(insertEnterprises(p));
      const r = (await tx.execute(insertLines(p))) as unknown as { rowCount: number };
      lines += r.rowCount;
      log(`企业 ${fmt(p.to)} / ${fmt(target)}，生产线 ${fmt(lines)}（本批 ${secs(tb)}）`);
    }
    await tx.execute(sql`SELECT setval(pg_get_serial_sequence('enterprise', 'id'), (SELECT max(id) FROM enterprise))`);
    for (const ix of indexes) {
      const ti = Date.now();
      await tx.execute(sql.raw(ix.def));
      log(`重建索引 ${ix.name}（${secs(ti)}）`);
    }
    await recordAudit(tx, systemSubject('seed'), now, {
      action: 'enterprise.seed_national',
      entityType: 'enterprise',
      after: { enterprises: target, lines, townships },
    });
  });
  const tv = Date.now();
  await db.execute(sql`VACUUM (ANALYZE) enterprise`);
  await db.execute(sql`VACUUM (ANALYZE) line`);
  log(`VACUUM ANALYZE（${secs(tv)}）`);
  await verify(db);
}

/** Every generated USCC must pass the same check the import and the form apply; counts must agree. */
async function verify(db: Db): Promise<void> {
  const tv = Date.now();
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await queryRows<{ id: number; uscc: string }>(
      db,
      sql`SELECT id::float8 AS id, uscc FROM enterprise WHERE id > ${after} ORDER BY id LIMIT 200000`,
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      const c = checkUscc(r.uscc);
      if (!c.ok) throw new Error(`企业 ${r.id} 的统一社会信用代码 ${r.uscc} 未通过校验：${c.message}`);
    }
    checked += rows.length;
    after = rows.at(-1)!.id;
  }
  const [c] = await queryRows<{ bad_count: number; bad_mask: number; lines: number; size: string }>(
    db,
    sql`WITH agg AS (
          SELECT enterprise_id, count(*)::int AS n,
                 bit_or(1 << (array_position(ARRAY['energy','environment','quality','safety','technology'], criterion) - 1)) AS mask
          FROM line GROUP BY enterprise_id)
        SELECT count(*) FILTER (WHERE e.line_count <> coalesce(a.n, 0))::int AS bad_count,
               count(*) FILTER (WHERE e.criteria_mask <> coalesce(a.mask, 0))::int AS bad_mask,
               (SELECT count(*)::int FROM line) AS lines,
               pg_size_pretty(pg_total_relation_size('enterprise') + pg_total_relation_size('line')) AS size
        FROM enterprise e LEFT JOIN agg a ON a.enterprise_id = e.id`,
  );
  log(
    `校验：${fmt(checked)} 个统一社会信用代码全部有效；line_count 不一致 ${c!.bad_count} 家，criteria_mask 不一致 ${c!.bad_mask} 家；` +
      `生产线 ${fmt(c!.lines)} 条；两表连同索引 ${c!.size}（${secs(tv)}）`,
  );
  if (c!.bad_count || c!.bad_mask) process.exitCode = 1;
}
