import { and, asc, eq, inArray, lt, notInArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enterprise, exitTask, line } from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';

/** A task that missed its exit deadline: past `exit_deadline` and neither accepted nor closed by order (001 第五篇 §五). */
export interface OverdueExitTask {
  taskId: number;
  enterpriseId: number;
  lineName: string;
  exitDeadline: string;
  status: string;
}

const ENDED = ['accepted', 'closed'];

/** Reads for the levers (joint punishment, joint notice; issue 12): who missed the exit deadline. */
export const exitTaskOverdueRepository = {
  /** Overdue tasks in a region subtree (or of the given enterprises), oldest deadline first. */
  overdue(db: Db, today: string, where: { column: ScopeColumn; code: string } | { enterpriseIds: number[] }, limit = 500): Promise<OverdueExitTask[]> {
    let scope: SQL | undefined;
    if ('enterpriseIds' in where) scope = where.enterpriseIds.length ? inArray(exitTask.enterpriseId, where.enterpriseIds) : eq(exitTask.id, -1);
    else scope = where.column === 'all' ? undefined : eq(enterprise[where.column], where.code);
    return db
      .select({ taskId: exitTask.id, enterpriseId: exitTask.enterpriseId, lineName: line.name, exitDeadline: exitTask.exitDeadline, status: exitTask.status })
      .from(exitTask)
      .innerJoin(enterprise, eq(enterprise.id, exitTask.enterpriseId))
      .innerJoin(line, eq(line.id, exitTask.lineId))
      .where(and(scope, lt(exitTask.exitDeadline, today), notInArray(exitTask.status, ENDED)))
      .orderBy(asc(exitTask.exitDeadline), asc(exitTask.id))
      .limit(limit);
  },
};
