import type { PlanEvent, PlanStatus } from '@taotai/shared';

/**
 * The plan's approval flow as a table: the region's office drafts and submits (报送) its plan, may
 * withdraw (撤回) it while it waits, and the group office approves (批准) it or returns (退回) it
 * for changes. An approved plan is final: it is what gets announced.
 */
export const PLAN_TRANSITIONS: Readonly<Record<PlanStatus, Readonly<Partial<Record<PlanEvent, PlanStatus>>>>> = {
  draft: { submit: 'submitted' },
  submitted: { withdraw: 'draft', return: 'draft', approve: 'approved' },
  approved: {},
};

/** Who may fire an event: the plan region's own office, or a group office at that region or above. */
export const EVENT_ACTOR: Readonly<Record<PlanEvent, 'drafter' | 'approver'>> = {
  submit: 'drafter',
  withdraw: 'drafter',
  return: 'approver',
  approve: 'approver',
};

/** The status an event leads to from `from`, or null when the event does not apply there. */
export function nextStatus(from: PlanStatus, event: PlanEvent): PlanStatus | null {
  return PLAN_TRANSITIONS[from][event] ?? null;
}
