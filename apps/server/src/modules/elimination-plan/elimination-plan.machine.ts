import { PLAN_EVENT_LABELS, PLAN_STATUS_LABELS, type PlanEvent, type PlanStatus } from '@taotai/shared';
import type { Actor } from '../../platform/access/actor.ts';
import { type Machine, nextStatus as machineNext, planApproval } from '../../platform/lifecycle/index.ts';
import type { RegionRow } from '../region/index.ts';

/** What the relations look at: the plan's region and who drafted and submitted it. */
export interface PlanRecord {
  region: RegionRow;
  createdBy: number | null;
  submittedBy: number | null;
}

/** The plan region's own office drafts, edits, submits and withdraws it. */
export const isPlanDrafter = (actor: Actor, regionCode: string): boolean =>
  actor.role === 'admin' || (actor.role === 'group_office' && actor.regionCode === regionCode);

/**
 * The plan's approval flow as a table: the region's office drafts and submits (报送) its plan, may
 * withdraw (撤回) it while it waits, and the level above approves (批准) it or returns (退回) it
 * for changes — never the one who submitted it (DOMAIN.md "Who approves what"; 002 §二(一)1).
 * An approved plan is final: it is what gets announced.
 */
export const planMachine: Machine<PlanStatus, PlanEvent, PlanRecord> = {
  entityType: 'elimination_plan',
  noun: '计划',
  statusLabels: PLAN_STATUS_LABELS,
  eventLabels: PLAN_EVENT_LABELS,
  transitions: [
    { from: 'draft', event: 'submit', to: 'submitted', by: 'drafter' },
    { from: 'submitted', event: 'withdraw', to: 'draft', by: 'drafter' },
    { from: 'submitted', event: 'return', to: 'draft', by: 'approver', needsReason: true },
    // Awaited: on the approver's 待办 with a due period (platform default, not from the seeds; ADR 0016).
    { from: 'submitted', event: 'approve', to: 'approved', by: 'approver', awaits: { kind: 'approve', dueWorkingDays: 10 } },
  ],
  relations: {
    drafter: (actor, p) => (isPlanDrafter(actor, p.region.code) ? null : `只有${p.region.name}领导小组办公室可以报送或撤回本级计划`),
    approver: (actor, p) => planApproval(actor, p.region, [p.submittedBy]),
  },
};

/** The status an event leads to from `from`, or null when the event does not apply there. */
export const nextStatus = (from: PlanStatus, event: PlanEvent): PlanStatus | null => machineNext(planMachine, from, event);
