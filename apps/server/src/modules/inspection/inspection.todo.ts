import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { AwaitingCandidate, AwaitingSource } from '../../platform/lifecycle/index.ts';
import { ancestryOf, regionRepository } from '../region/index.ts';
import { type RoundRecord, roundMachine } from './inspection-round.machine.ts';
import { inspectionRepository, type RoundRow } from './inspection.repository.ts';

async function candidatesOf(db: Db, rows: RoundRow[]): Promise<AwaitingCandidate<RoundRecord>[]> {
  const regions = new Map((await regionRepository.byCodes(db, [...new Set(rows.map((r) => r.regionCode))])).map((r) => [r.code, r]));
  return rows.flatMap((r) => {
    const region = regions.get(r.regionCode);
    if (!region) return [];
    return [{ id: r.id, status: r.status, record: { place: ancestryOf(region), createdBy: r.createdBy, leaderUserId: r.leaderUserId }, title: r.title, regionCode: r.regionCode, link: `/inspections/${r.id}` }];
  });
}

/** A round under way waits for its leader account to conclude it (结束本批次, never the clerk who formed it; ADR 0016). */
export const roundTodoSource: AwaitingSource<RoundRecord> = {
  machine: roundMachine,
  kindLabel: '检查验收批次',
  async candidates(db: Db, reach: Actor | null, statuses: string[], limit: number) {
    if (reach?.role === 'enterprise') return [];
    const scope = !reach || reach.scope.column === 'all' ? null : { column: reach.scope.column, code: reach.scope.code };
    const rows: RoundRow[] = [];
    for (const status of statuses) rows.push(...(await inspectionRepository.roundPage(db, { scope, status }, { afterId: null, descending: false }, limit)).map((r) => r.round));
    return candidatesOf(db, rows.slice(0, limit));
  },
  async one(db: Db, id: number) {
    const r = await inspectionRepository.roundById(db, id);
    return r ? ((await candidatesOf(db, [r]))[0] ?? null) : null;
  },
};
