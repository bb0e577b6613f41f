import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { AwaitingCandidate, AwaitingSource } from '../../platform/lifecycle/index.ts';
import { regionRepository } from '../region/index.ts';
import { type TargetRecord, targetMachine } from './target.machine.ts';
import { regionSubtree, type TargetView, targetRepository } from './target.repository.ts';

async function candidatesOf(db: Db, views: TargetView[]): Promise<AwaitingCandidate<TargetRecord>[]> {
  const regions = new Map((await regionRepository.byCodes(db, [...new Set(views.map((v) => v.regionCode))])).map((r) => [r.code, r]));
  return views.flatMap((v) => {
    const region = regions.get(v.regionCode);
    if (!region) return [];
    return [
      {
        id: v.id,
        status: v.status,
        record: { region, submittedBy: v.submittedBy },
        title: `${region.name}${v.year}年${v.industryName}目标任务分解`,
        regionCode: v.regionCode,
        link: `/targets/${v.id}`,
        since: v.submittedAt ?? null,
      },
    ];
  });
}

/** Submitted decompositions wait for the level above (issue 10 §2, ADR 0016): the target machine's to-do source. */
export const targetTodoSource: AwaitingSource<TargetRecord> = {
  machine: targetMachine,
  kindLabel: '目标分解',
  async candidates(db: Db, reach: Actor | null, statuses: string[], limit: number) {
    if (reach?.role === 'enterprise') return [];
    const scope = !reach || reach.scope.column === 'all' ? undefined : regionSubtree(reach.scope.column, reach.scope.code);
    const views: TargetView[] = [];
    for (const status of statuses) views.push(...(await targetRepository.list(db, { scope, status, limit })));
    return candidatesOf(db, views.slice(0, limit));
  },
  async one(db: Db, id: number) {
    const v = await targetRepository.viewById(db, id);
    return v ? ((await candidatesOf(db, [v]))[0] ?? null) : null;
  },
};
