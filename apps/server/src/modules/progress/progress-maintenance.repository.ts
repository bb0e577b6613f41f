import { EXIT_TASK_STATUSES, STAGE_OF_STATUS } from '@taotai/shared';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';

/** The country's code: the admin's region and the root of every task's ancestry. */
export const COUNTRY_CODE = '100000';

/** Stage of a task status, as SQL over `t.status` (same table as STAGE_OF_STATUS). */
const STAGE_SQL = sql.raw(`CASE t.status ${EXIT_TASK_STATUSES.map((s) => `WHEN '${s}' THEN '${STAGE_OF_STATUS[s]}'`).join(' ')} END`);
const DONE_SQL = sql.raw(`t.status IN ('accepted', 'closed')`);

/**
 * Every region a task counts in: the country and each ancestor code of its enterprise (the same codes
 * the task list filters on), once each. `e` is the enterprise.
 */
const ANCESTORS = sql.raw(`CROSS JOIN LATERAL (
  SELECT DISTINCT c.code FROM unnest(ARRAY['${COUNTRY_CODE}', e.province_code, e.prefecture_code, e.county_code, e.township_code, e.region_code]) AS c(code)
  WHERE c.code IS NOT NULL) a`);

/** A task with what it is counted by: the plan's year and the plan line's industry, unit and capacity (approved snapshot). */
const TASKS = sql.raw(`exit_task t
  JOIN elimination_plan p ON p.id = t.plan_id
  JOIN elimination_plan_line pl ON pl.id = t.plan_line_id
  JOIN enterprise e ON e.id = t.enterprise_id`);

const idList = (ids: readonly number[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

const ADD_ROLLUP = sql.raw(`ON CONFLICT (region_code, year, industry_code, unit, stage) DO UPDATE
  SET tasks = progress_rollup.tasks + excluded.tasks, capacity = progress_rollup.capacity + excluded.capacity`);
const ADD_DEADLINE = sql.raw(`ON CONFLICT (region_code, year, deadline) DO UPDATE SET tasks = progress_sealed_deadline.tasks + excluded.tasks`);
const ADD_ENTERPRISES = sql.raw(`ON CONFLICT (region_code, year) DO UPDATE
  SET planned = progress_enterprise_rollup.planned + excluded.planned, accepted = progress_enterprise_rollup.accepted + excluded.accepted`);

/** Where an enterprise is registered, as stored on its row (enterpriseMoved gets it before and after). */
export interface EnterpriseAncestry {
  regionCode: string;
  provinceCode: string | null;
  prefectureCode: string | null;
  countyCode: string | null;
  townshipCode: string | null;
}

/** The codes ANCESTORS yields for an enterprise, in key order. */
function ancestorCodes(a: EnterpriseAncestry): string[] {
  const codes = [COUNTRY_CODE, a.provinceCode, a.prefectureCode, a.countyCode, a.townshipCode, a.regionCode].filter((c): c is string => c !== null);
  return [...new Set(codes)].sort();
}

/**
 * Key-share locks on the tasks' enterprises, in id order. A region change holds the enterprise row FOR
 * UPDATE, so a task change waits for it to commit and then counts at the new ancestors, or the region
 * change waits for the task change and then moves counts that include it: either way nothing is counted
 * at a region the enterprise has left.
 */
async function lockEnterprisesOf(tx: Db, taskIds: readonly number[]): Promise<void> {
  await tx.execute(sql`
    SELECT e.id FROM enterprise e
    WHERE e.id IN (SELECT t.enterprise_id FROM exit_task t WHERE t.id IN (${idList(taskIds)}))
    ORDER BY e.id FOR KEY SHARE`);
}

/**
 * Maintenance statements run inside the transaction that changes the tasks. Rows are written in key order
 * so two transactions touching the same ancestors lock them in the same order (no deadlock).
 */
export const progressMaintenance = {
  /** New tasks (status planned) counted at every ancestor, and their enterprises' counts moved. */
  async tasksCreated(tx: Db, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await lockEnterprisesOf(tx, ids);
    await tx.execute(sql`
      INSERT INTO progress_rollup (region_code, year, industry_code, unit, stage, tasks, capacity)
      SELECT a.code, p.year, pl.industry_code, pl.capacity_unit, ${STAGE_SQL}, count(*), sum(pl.capacity)
      FROM ${TASKS} ${ANCESTORS}
      WHERE t.id IN (${idList(ids)})
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
      ${ADD_ROLLUP}`);
    // An enterprise's first task of the year makes it "planned"; a new task undoes "all done".
    await tx.execute(sql`
      WITH added AS (
        SELECT t.enterprise_id, p.year, count(*)::int AS n, count(*) FILTER (WHERE ${DONE_SQL})::int AS d
        FROM exit_task t JOIN elimination_plan p ON p.id = t.plan_id
        WHERE t.id IN (${idList(ids)}) GROUP BY 1, 2),
      up AS (
        INSERT INTO progress_enterprise (enterprise_id, year, tasks, done)
        SELECT enterprise_id, year, n, d FROM added ORDER BY 1, 2
        ON CONFLICT (enterprise_id, year) DO UPDATE
          SET tasks = progress_enterprise.tasks + excluded.tasks, done = progress_enterprise.done + excluded.done
        RETURNING enterprise_id, year, tasks, done),
      delta AS (
        SELECT up.enterprise_id, up.year,
          CASE WHEN up.tasks = a.n THEN 1 ELSE 0 END AS planned,
          (CASE WHEN up.done = up.tasks THEN 1 ELSE 0 END)
            - (CASE WHEN up.tasks > a.n AND up.done - a.d = up.tasks - a.n THEN 1 ELSE 0 END) AS accepted
        FROM up JOIN added a ON a.enterprise_id = up.enterprise_id AND a.year = up.year)
      INSERT INTO progress_enterprise_rollup (region_code, year, planned, accepted)
      SELECT a.code, d.year, sum(d.planned), sum(d.accepted)
      FROM delta d JOIN enterprise e ON e.id = d.enterprise_id ${ANCESTORS}
      GROUP BY 1, 2 HAVING sum(d.planned) <> 0 OR sum(d.accepted) <> 0 ORDER BY 1, 2
      ${ADD_ENTERPRISES}`);
  },

  /** A task moved from `from` to its current status (already written): move its counts between stages. */
  async taskMoved(tx: Db, id: number, from: string): Promise<void> {
    const [row] = await queryRows<{ status: string; enterprise_id: number; year: number }>(
      tx,
      sql`SELECT t.status, t.enterprise_id::float8 AS enterprise_id, p.year FROM exit_task t JOIN elimination_plan p ON p.id = t.plan_id WHERE t.id = ${id}`,
    );
    if (!row) return;
    await lockEnterprisesOf(tx, [id]);
    const to = row.status;
    const fromStage = STAGE_OF_STATUS[from as keyof typeof STAGE_OF_STATUS];
    const toStage = STAGE_OF_STATUS[to as keyof typeof STAGE_OF_STATUS];
    if (fromStage !== toStage) {
      await tx.execute(sql`
        INSERT INTO progress_rollup (region_code, year, industry_code, unit, stage, tasks, capacity)
        SELECT a.code, p.year, pl.industry_code, pl.capacity_unit, s.stage, s.sign, s.sign * pl.capacity
        FROM ${TASKS} ${ANCESTORS}
        CROSS JOIN (VALUES (${fromStage}::text, -1), (${toStage}::text, 1)) AS s(stage, sign)
        WHERE t.id = ${id}
        ORDER BY 1, 2, 3, 4, 5
        ${ADD_ROLLUP}`);
    }
    if (from === 'sealed' || to === 'sealed') {
      // The deadline is set by sealing and kept afterwards, so leaving "sealed" removes it at the same date.
      const sign = to === 'sealed' ? 1 : -1;
      await tx.execute(sql`
        INSERT INTO progress_sealed_deadline (region_code, year, deadline, tasks)
        SELECT a.code, p.year, t.dismantle_deadline, ${sign}::int
        FROM ${TASKS} ${ANCESTORS}
        WHERE t.id = ${id} AND t.dismantle_deadline IS NOT NULL
        ORDER BY 1, 2, 3
        ${ADD_DEADLINE}`);
    }
    const wasDone = from === 'accepted' || from === 'closed';
    const isDone = to === 'accepted' || to === 'closed';
    if (wasDone !== isDone) {
      const step = isDone ? 1 : -1;
      const [pe] = await queryRows<{ tasks: number; done: number }>(
        tx,
        sql`UPDATE progress_enterprise SET done = done + ${step}::int WHERE enterprise_id = ${row.enterprise_id} AND year = ${row.year} RETURNING tasks, done`,
      );
      // The enterprise became all done (or stopped being so) with this task.
      const change = pe && (isDone ? pe.done === pe.tasks : pe.done + 1 === pe.tasks) ? step : 0;
      if (change !== 0) {
        await tx.execute(sql`
          INSERT INTO progress_enterprise_rollup (region_code, year, planned, accepted)
          SELECT a.code, ${row.year}::int, 0, ${change}::int FROM enterprise e ${ANCESTORS}
          WHERE e.id = ${row.enterprise_id} ORDER BY 1
          ${ADD_ENTERPRISES}`);
      }
    }
  },

  /**
   * The enterprise moved from one region to another (its row already rewritten): its tasks leave the
   * ancestors it no longer has and join the new ones; shared ancestors keep their counts. Per-enterprise
   * counts (progress_enterprise) do not depend on the region and stay as they are.
   */
  async enterpriseMoved(tx: Db, enterpriseId: number, from: EnterpriseAncestry, to: EnterpriseAncestry): Promise<void> {
    const before = ancestorCodes(from);
    const after = ancestorCodes(to);
    const moves = [...before.filter((c) => !after.includes(c)).map((c) => [c, -1] as const), ...after.filter((c) => !before.includes(c)).map((c) => [c, 1] as const)].sort(
      ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0),
    );
    if (moves.length === 0) return;
    const [has] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM progress_enterprise WHERE enterprise_id = ${enterpriseId}`);
    if (!has || has.n === 0) return;
    const m = sql`(VALUES ${sql.join(
      moves.map(([code, sign]) => sql`(${code}::text, ${sign}::int)`),
      sql`, `,
    )}) AS m(code, sign)`;
    await tx.execute(sql`
      INSERT INTO progress_rollup (region_code, year, industry_code, unit, stage, tasks, capacity)
      SELECT m.code, p.year, pl.industry_code, pl.capacity_unit, ${STAGE_SQL}, m.sign * count(*), m.sign * sum(pl.capacity)
      FROM ${TASKS} CROSS JOIN ${m}
      WHERE t.enterprise_id = ${enterpriseId}
      GROUP BY 1, 2, 3, 4, 5, m.sign ORDER BY 1, 2, 3, 4, 5
      ${ADD_ROLLUP}`);
    await tx.execute(sql`
      INSERT INTO progress_sealed_deadline (region_code, year, deadline, tasks)
      SELECT m.code, p.year, t.dismantle_deadline, m.sign * count(*)
      FROM ${TASKS} CROSS JOIN ${m}
      WHERE t.enterprise_id = ${enterpriseId} AND t.status = 'sealed' AND t.dismantle_deadline IS NOT NULL
      GROUP BY 1, 2, 3, m.sign ORDER BY 1, 2, 3
      ${ADD_DEADLINE}`);
    // Counted as the rebuild counts: planned once per year with tasks, accepted when all of them are done.
    await tx.execute(sql`
      INSERT INTO progress_enterprise_rollup (region_code, year, planned, accepted)
      SELECT m.code, pe.year, m.sign, CASE WHEN pe.done = pe.tasks THEN m.sign ELSE 0 END
      FROM progress_enterprise pe CROSS JOIN ${m}
      WHERE pe.enterprise_id = ${enterpriseId}
      ORDER BY 1, 2
      ${ADD_ENTERPRISES}`);
  },

  /**
   * Recomputes every progress table from the base tables. The tables are locked first, so a task change
   * running meanwhile either committed before (and is read here) or applies its delta after this commits.
   */
  async rebuild(tx: Db): Promise<void> {
    await tx.execute(
      sql`LOCK TABLE progress_rollup, progress_sealed_deadline, progress_enterprise, progress_enterprise_rollup IN SHARE ROW EXCLUSIVE MODE`,
    );
    for (const t of ['progress_rollup', 'progress_sealed_deadline', 'progress_enterprise_rollup', 'progress_enterprise']) {
      await tx.execute(sql.raw(`DELETE FROM ${t}`));
    }
    await tx.execute(sql`
      INSERT INTO progress_rollup (region_code, year, industry_code, unit, stage, tasks, capacity)
      SELECT a.code, p.year, pl.industry_code, pl.capacity_unit, ${STAGE_SQL}, count(*), sum(pl.capacity)
      FROM ${TASKS} ${ANCESTORS}
      GROUP BY 1, 2, 3, 4, 5`);
    await tx.execute(sql`
      INSERT INTO progress_sealed_deadline (region_code, year, deadline, tasks)
      SELECT a.code, p.year, t.dismantle_deadline, count(*)
      FROM ${TASKS} ${ANCESTORS}
      WHERE t.status = 'sealed' AND t.dismantle_deadline IS NOT NULL
      GROUP BY 1, 2, 3`);
    await tx.execute(sql`
      INSERT INTO progress_enterprise (enterprise_id, year, tasks, done)
      SELECT t.enterprise_id, p.year, count(*), count(*) FILTER (WHERE ${DONE_SQL})
      FROM exit_task t JOIN elimination_plan p ON p.id = t.plan_id
      GROUP BY 1, 2`);
    await tx.execute(sql`
      INSERT INTO progress_enterprise_rollup (region_code, year, planned, accepted)
      SELECT a.code, pe.year, count(*), count(*) FILTER (WHERE pe.done = pe.tasks)
      FROM progress_enterprise pe JOIN enterprise e ON e.id = pe.enterprise_id ${ANCESTORS}
      GROUP BY 1, 2`);
  },

  async rollupRowCount(db: Db): Promise<number> {
    const [r] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM progress_rollup`);
    return r!.n;
  },

  /** Every non-zero row of the four tables in key order, to compare the maintained state with a rebuild. */
  async snapshot(db: Db) {
    return {
      rollup: await queryRows(
        db,
        sql`SELECT region_code, year, industry_code, unit, stage, tasks, capacity::text AS capacity FROM progress_rollup
            WHERE tasks <> 0 OR capacity <> 0 ORDER BY 1, 2, 3, 4, 5`,
      ),
      deadlines: await queryRows(
        db,
        sql`SELECT region_code, year, deadline::text AS deadline, tasks FROM progress_sealed_deadline WHERE tasks <> 0 ORDER BY 1, 2, 3`,
      ),
      enterprises: await queryRows(
        db,
        sql`SELECT enterprise_id::text AS enterprise_id, year, tasks, done FROM progress_enterprise WHERE tasks <> 0 ORDER BY 1, 2`,
      ),
      enterpriseRollup: await queryRows(
        db,
        sql`SELECT region_code, year, planned, accepted FROM progress_enterprise_rollup WHERE planned <> 0 OR accepted <> 0 ORDER BY 1, 2`,
      ),
    };
  },
};
