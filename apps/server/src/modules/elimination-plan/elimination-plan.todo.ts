import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { AwaitingCandidate, AwaitingSource } from '../../platform/lifecycle/index.ts';
import { regionRepository } from '../region/index.ts';
import { regionSubtree } from '../target/index.ts';
import { type PlanRecord, planMachine } from './elimination-plan.machine.ts';
import { type PlanView, planRepository } from './elimination-plan.repository.ts';

async function candidatesOf(db: Db, views: PlanView[]): Promise<AwaitingCandidate<PlanRecord>[]> {
  const regions = new Map((await regionRepository.byCodes(db, [...new Set(views.map((v) => v.regionCode))])).map((r) => [r.code, r]));
  return views.flatMap((v) => {
    const region = regions.get(v.regionCode);
    if (!region) return [];
    return [
      {
        id: v.id,
        status: v.status,
        record: { region, createdBy: v.createdBy, submittedBy: v.submittedBy },
        title: `${region.name}${v.year}年淘汰计划`,
        regionCode: v.regionCode,
        link: `/elimination-plans/${v.id}`,
        since: v.submittedAt ?? null,
      },
    ];
  });
}

/** Submitted plans wait for the level above (ADR 0016): the to-do source of the plan's machine. */
export const planTodoSource: AwaitingSource<PlanRecord> = {
  machine: planMachine,
  kindLabel: '淘汰计划',
  async candidates(db: Db, reach: Actor | null, statuses: string[], limit: number) {
    if (reach?.role === 'enterprise') return [];
    const scope = !reach || reach.scope.column === 'all' ? undefined : regionSubtree(reach.scope.column, reach.scope.code);
    const views: PlanView[] = [];
    for (const status of statuses) views.push(...(await planRepository.list(db, { scope, status }, { offset: 0, limit })));
    return candidatesOf(db, views.slice(0, limit));
  },
  async one(db: Db, id: number) {
    const v = await planRepository.viewById(db, id);
    return v ? ((await candidatesOf(db, [v]))[0] ?? null) : null;
  },
};
