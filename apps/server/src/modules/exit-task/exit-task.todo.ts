import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { AwaitingCandidate, AwaitingSource } from '../../platform/lifecycle/index.ts';
import { exitTaskMachine } from './exit-task.machine.ts';
import type { TaskPlace } from './exit-task.policy.ts';
import { type ExitTaskView, exitTaskRepository } from './exit-task.repository.ts';

const candidateOf = (v: ExitTaskView): AwaitingCandidate<TaskPlace> => ({
  id: v.task.id,
  status: v.task.status,
  record: { code: v.regionCode, provinceCode: v.provinceCode, prefectureCode: v.prefectureCode, countyCode: v.countyCode, townshipCode: v.townshipCode, enterpriseId: v.task.enterpriseId },
  title: `${v.enterpriseName} ${v.lineName}`,
  regionCode: v.regionCode,
  link: `/exit-tasks/${v.task.id}`,
});

/** A task whose acceptance was requested waits for the joint inspection's verdict (验收; ADR 0016). */
export const exitTaskTodoSource: AwaitingSource<TaskPlace> = {
  machine: exitTaskMachine,
  kindLabel: '退出任务',
  async candidates(db: Db, reach: Actor | null, statuses: string[], limit: number) {
    if (reach?.role === 'enterprise') return [];
    const scope = reach ? reach.scope : { column: 'all' as const, code: '' };
    return (await exitTaskRepository.page(db, { scope, statuses, today: '' }, { afterId: null }, limit)).map(candidateOf);
  },
  async one(db: Db, id: number) {
    const v = await exitTaskRepository.viewById(db, id);
    return v ? candidateOf(v) : null;
  },
};
