import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { AwaitingCandidate, AwaitingSource } from '../../platform/lifecycle/index.ts';
import { type EntryRecord, entryMachine } from './joint-punishment.machine.ts';
import { placeOf } from './joint-punishment.policy.ts';
import { type EntryView, jointPunishmentRepository as repo } from './joint-punishment.repository.ts';

const candidateOf = (v: EntryView): AwaitingCandidate<EntryRecord> => ({
  id: v.e.id,
  status: v.e.status,
  record: { enterpriseId: v.e.enterpriseId, place: placeOf(v.e) },
  title: `${v.enterpriseName}${v.e.status === 'objected' ? '的异议' : '的信用修复申请'}`,
  regionCode: v.e.regionCode,
  link: `/joint-punishment/${v.e.id}`,
  since: v.e.updatedAt,
});

/** An objection waits for the office's answer, a credit repair application for its decision (ADR 0016). */
export const entryTodoSource: AwaitingSource<EntryRecord> = {
  machine: entryMachine,
  kindLabel: '联合惩戒',
  async candidates(db: Db, reach: Actor | null, statuses: string[], limit: number) {
    if (reach && reach.role !== 'group_office' && reach.role !== 'admin') return [];
    const scope = reach ? { column: reach.scope.column, code: reach.scope.code, enterpriseId: null } : { column: 'all' as const, code: '', enterpriseId: null };
    return (await repo.list(db, { scope, statuses }, { afterId: null, ascending: true, offset: 0, limit })).map(candidateOf);
  },
  async one(db: Db, id: number) {
    const v = await repo.viewById(db, id);
    return v ? candidateOf(v) : null;
  },
};
