import { TIP_MATTER_LABELS, type TipMatter } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { AwaitingCandidate, AwaitingSource } from '../../platform/lifecycle/index.ts';
import { type TipRecord, tipMachine } from './tip.machine.ts';
import { tipPolicy } from './tip.policy.ts';
import { tipNo, tipRecordOf } from './tip.presenter.ts';
import { type TipView, tipRepository } from './tip.repository.ts';

const candidateOf = (v: TipView): AwaitingCandidate<TipRecord> => ({
  id: v.t.id,
  status: v.t.status,
  record: tipRecordOf(v),
  title: `举报 ${tipNo(v.t.receivedOn, v.t.id)}（${TIP_MATTER_LABELS[v.t.matter as TipMatter]}${v.t.escalatedToRegionCode ? '，已提级督办' : ''}）`,
  regionCode: v.t.handlingRegionCode,
  link: `/tips/${v.t.id}`,
  // Every step before the conclusion runs against the tip's deadline (issue 13 有报必查 within a deadline).
  dueDate: v.t.status === 'concluding' ? null : v.t.deadline,
});

/**
 * Tips wait for the handling office (ADR 0016): to accept (received), to verify and draft (verifying, with days
 * left to the deadline), to conclude (concluding: the office's other accounts, never the drafter — the machine's
 * tipConclusion relation), and, once escalated, for the office of the level above, which may act on them too.
 */
export const tipTodoSource: AwaitingSource<TipRecord> = {
  machine: tipMachine,
  kindLabel: '举报',
  async candidates(db: Db, reach: Actor | null, statuses: string[], limit: number) {
    const r = reach ? tipPolicy.reach(reach) : { kind: 'all' as const };
    if (!r) return [];
    const out: TipView[] = [];
    // An office above only reads the tips below it: its items are its own and those escalated to it.
    const actionableBy = reach && r.kind === 'region' ? reach.regionCode : undefined;
    for (const status of statuses) out.push(...(await tipRepository.page(db, r, { status, actionableBy }, { afterId: null, descending: false }, limit)));
    return out.slice(0, limit).map(candidateOf);
  },
  async one(db: Db, id: number) {
    const v = await tipRepository.viewUnscoped(db, id);
    return v ? candidateOf(v) : null;
  },
};
