import type { ExitTaskEnterprisePage, ExitTaskEnterpriseQuery } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { exitTaskRepository } from './exit-task.repository.ts';
import { cursorId, scopedFilter } from './exit-task.service.ts';

/**
 * The enterprises behind the dashboard's 计划退出企业 / 已完成退出企业: enterprises with tasks under the same
 * filters as the task list, counted as the progress rollup counts them (planned = at least one task;
 * finished = every one of those tasks accepted or closed by order), so `total` equals the number clicked.
 */
export async function listEnterprises(db: Db, clock: Clock, actor: Actor, q: ExitTaskEnterpriseQuery): Promise<ExitTaskEnterprisePage> {
  const afterId = cursorId(q.cursor);
  const limit = q.pageSize ?? q.limit ?? 50;
  const filter = await scopedFilter(db, actor, q, todayInChina(clock.now()));
  const finished = q.finished === undefined ? undefined : q.finished === 'true';
  const [rows, total] = await Promise.all([
    exitTaskRepository.enterprisePage(db, filter, finished, afterId, limit + 1),
    exitTaskRepository.enterpriseTotal(db, filter, finished),
  ]);
  const items = rows.slice(0, limit);
  const ids = items.map((r) => r.enterpriseId);
  const [capacities, names] = await Promise.all([
    exitTaskRepository.enterpriseCapacities(db, filter, ids),
    exitTaskRepository.regionNames(db, [...new Set(items.map((r) => r.regionCode))]),
  ]);
  return {
    items: items.map((r) => {
      const tasks = Number(r.tasks);
      const done = Number(r.done);
      return {
        enterpriseId: r.enterpriseId,
        enterpriseName: r.enterpriseName,
        regionCode: r.regionCode,
        regionName: names.get(r.regionCode) ?? r.regionCode,
        tasks,
        acceptedOrClosedTasks: done,
        finished: done === tasks,
        capacityByUnit: capacities.filter((c) => c.enterpriseId === r.enterpriseId).map(({ unit, capacity }) => ({ unit, capacity })),
      };
    }),
    nextCursor: rows.length > limit ? String(items.at(-1)!.enterpriseId) : null,
    total,
  };
}
