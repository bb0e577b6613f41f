import { type Target, TARGET_EVENT_LABELS, TARGET_STATUS_LABELS, type TargetEvent, type TargetStatus } from '@taotai/shared';
import type { Actor } from '../../platform/access/actor.ts';
import { availableEvents, type Machine, targetDecompositionApproval } from '../../platform/lifecycle/index.ts';
import type { RegionRow } from '../region/index.ts';
import { targetPolicy } from './target.policy.ts';

/** What the relations look at: the target's region and who submitted its decomposition. */
export interface TargetRecord {
  region: RegionRow;
  submittedBy: number | null;
}

/** Facts the submit guard reads: how many shares (child targets or named lines) the decomposition has. */
export interface TargetFacts {
  shares: number;
}

/**
 * The decomposition's approval as a table (issue 10 §2; DOMAIN.md "Who approves what"): the region's office
 * submits (报送) how it split its target, the level above approves (批准) or returns (退回, with the reason)
 * — 省直管县 by the province (`approvingRegionOf`), never the one who submitted it. Allocations are edited
 * only in draft or returned; editing an approved decomposition fires `reopen` (back to draft, in the
 * history) so it is approved again (ADR 0021). While submitted it is refused: the approver sees what was sent.
 */
export const targetMachine: Machine<TargetStatus, TargetEvent, TargetRecord, TargetFacts> = {
  entityType: 'target',
  auditPrefix: 'target.decomposition',
  noun: '目标分解',
  statusLabels: TARGET_STATUS_LABELS,
  eventLabels: TARGET_EVENT_LABELS,
  transitions: [
    { from: 'draft', event: 'submit', to: 'submitted', by: 'drafter', guard: nothingToSubmit },
    { from: 'returned', event: 'submit', to: 'submitted', by: 'drafter', guard: nothingToSubmit },
    { from: 'submitted', event: 'return', to: 'returned', by: 'approver', needsReason: true },
    // Awaited: on the approver's 待办, due like a plan's approval (platform default, not from the seeds; ADR 0016).
    { from: 'submitted', event: 'approve', to: 'approved', by: 'approver', awaits: { kind: 'approve', dueWorkingDays: 10 } },
    { from: 'approved', event: 'reopen', to: 'draft', by: 'drafter' },
  ],
  relations: {
    drafter: (actor, t) => (targetPolicy.isOfficeOf(actor, t.region.code) ? null : `只有${t.region.name}领导小组办公室可以报送本级目标分解`),
    approver: (actor, t) => targetDecompositionApproval(actor, t.region, [t.submittedBy]),
  },
};

function nothingToSubmit(f: TargetFacts): string | null {
  return f.shares > 0 ? null : '目标任务尚未分解到下级区划或生产线，不能报送';
}

/** The events this actor may fire from the detail page (`reopen` happens by editing, it is no button). */
export function targetEvents(actor: Actor, t: { status: string; submittedBy: number | null }, region: RegionRow): Target['availableEvents'] {
  const all = availableEvents(targetMachine, actor, { region, submittedBy: t.submittedBy }, t.status as TargetStatus);
  return all.filter((e): e is Target['availableEvents'][number] => e !== 'reopen');
}
