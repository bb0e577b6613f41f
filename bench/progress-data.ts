/**
 * Exit tasks for the progress benchmark, made set-wise on top of the national data set: one approved
 * plan per province for the year, a hash-sampled share of all lines in them, one task per plan line in a
 * spread of states (a third still planned, a fifth sealed with deadlines on both sides of today, …),
 * then the rollup rebuilt from the base tables.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../apps/server/src/db/client.ts';
import { progressMaintenance } from '../apps/server/src/modules/progress/index.ts';

export const BENCH_PLAN_TITLE = '（进度基准测试）';

export async function ensureTasks(db: Db, year: number, wanted: number, log: (m: string) => void) {
  const [have] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM exit_task`);
  if (have!.n >= wanted) {
    log(`已有 ${have!.n.toLocaleString('en-US')} 个退出任务，不再生成`);
  } else {
    const now = new Date();
    const t0 = performance.now();
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('work_mem', '256MB', true)`);
      await tx.execute(sql`
        INSERT INTO elimination_plan (region_code, year, title, status, created_at, updated_at, approved_at)
        SELECT code, ${year}::int, name || ${year}::text || '年度淘汰落后产能计划' || ${BENCH_PLAN_TITLE}, 'approved', ${now}, ${now}, ${now}
        FROM region WHERE level = 'province'
        ON CONFLICT (region_code, year) DO NOTHING`);
      const [lines] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM line`);
      // Multiplicative hashing spreads the sample over every province and industry.
      const perMillion = Math.min(1_000_000, Math.ceil(((wanted - have!.n) / lines!.n) * 1_000_000));
      await tx.execute(sql`
        INSERT INTO elimination_plan_line (plan_id, line_id, enterprise_id, exit_deadline, industry_code, capacity_unit, capacity, snapshot, added_at)
        SELECT p.id, l.id, l.enterprise_id, make_date(${year}::int, 12, 31), l.industry_code, l.capacity_unit, l.capacity, '{}'::jsonb, ${now}
        FROM line l
        JOIN enterprise e ON e.id = l.enterprise_id
        JOIN elimination_plan p ON p.region_code = e.province_code AND p.year = ${year}::int AND p.title LIKE ${`%${BENCH_PLAN_TITLE}`}
        WHERE (l.id * 2654435761) % 1000000 < ${perMillion}
        ON CONFLICT (plan_id, line_id) DO NOTHING`);
      const r = (await tx.execute(sql`
        INSERT INTO exit_task (plan_id, plan_line_id, line_id, enterprise_id, status, exit_deadline, dismantle_deadline, version, created_at, updated_at)
        SELECT pl.plan_id, pl.id, pl.line_id, pl.enterprise_id, s.status, pl.exit_deadline,
          CASE WHEN s.status NOT IN ('planned', 'closed') THEN make_date(${year}::int, 1, 15) + (pl.id % 240)::int END, 1, ${now}, ${now}
        FROM elimination_plan_line pl
        JOIN elimination_plan p ON p.id = pl.plan_id AND p.title LIKE ${`%${BENCH_PLAN_TITLE}`}
        CROSS JOIN LATERAL (SELECT CASE
          WHEN (pl.id * 7) % 20 < 6 THEN 'planned' WHEN (pl.id * 7) % 20 < 10 THEN 'sealed'
          WHEN (pl.id * 7) % 20 < 12 THEN 'dismantled' WHEN (pl.id * 7) % 20 = 12 THEN 'acceptance_requested'
          WHEN (pl.id * 7) % 20 = 13 THEN 'rejected' WHEN (pl.id * 7) % 20 < 18 THEN 'accepted' ELSE 'closed' END AS status) s
        ON CONFLICT (plan_line_id) DO NOTHING`)) as unknown as { rowCount: number };
      log(`生成退出任务 ${r.rowCount.toLocaleString('en-US')} 个（抽样率 ${perMillion / 10_000}%），${((performance.now() - t0) / 1000).toFixed(1)} s`);
    });
  }
  const tr = performance.now();
  await db.transaction((tx) => progressMaintenance.rebuild(tx));
  const rebuildSeconds = (performance.now() - tr) / 1000;
  for (const t of ['exit_task', 'elimination_plan_line', 'elimination_plan', 'progress_rollup', 'progress_sealed_deadline', 'progress_enterprise', 'progress_enterprise_rollup']) {
    await db.execute(sql.raw(`VACUUM (ANALYZE) ${t}`));
  }
  const [size] = await queryRows<{ tasks: number; rollup: number; enterprises: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM exit_task) AS tasks, (SELECT count(*)::int FROM progress_rollup) AS rollup,
               (SELECT count(*)::int FROM progress_enterprise) AS enterprises`,
  );
  log(`进度汇总表重建 ${rebuildSeconds.toFixed(1)} s：任务 ${size!.tasks.toLocaleString('en-US')}，汇总行 ${size!.rollup.toLocaleString('en-US')}`);
  return { ...size!, rebuildSeconds };
}
