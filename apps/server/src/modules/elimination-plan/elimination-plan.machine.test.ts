import { PLAN_EVENTS, PLAN_STATUSES, type PlanEvent, type PlanStatus } from '@taotai/shared';
import { describe, expect, it } from 'vitest';
import { nextStatus } from './elimination-plan.machine.ts';

/** Every (state, event) pair, written out: a pair not listed as allowed must be refused. */
const EXPECTED: Record<PlanStatus, Record<PlanEvent, PlanStatus | null>> = {
  draft: { submit: 'submitted', withdraw: null, return: null, approve: null },
  submitted: { submit: null, withdraw: 'draft', return: 'draft', approve: 'approved' },
  approved: { submit: null, withdraw: null, return: null, approve: null },
};

describe('elimination plan approval machine', () => {
  for (const from of PLAN_STATUSES) {
    for (const event of PLAN_EVENTS) {
      const to = EXPECTED[from][event];
      it(`${from} + ${event} → ${to ?? 'refused'}`, () => {
        expect(nextStatus(from, event)).toBe(to);
      });
    }
  }
  it('covers all 12 pairs', () => {
    expect(PLAN_STATUSES.length * PLAN_EVENTS.length).toBe(12);
  });
});
