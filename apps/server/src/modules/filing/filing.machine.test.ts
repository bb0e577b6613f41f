import { FILING_EVENTS, FILING_STATUSES, type FilingEvent } from '@taotai/shared';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.ts';
import { availableEvents, notApplicable, refusalOf, transitionFor } from '../../platform/lifecycle/index.ts';
import { type FilingParty, type FilingState, filingMachine, nextFilingStatus } from './filing.machine.ts';

const STATES: FilingState[] = ['none', ...FILING_STATUSES];
const actor = { userId: 1, displayName: 'x' } as Actor;

/** The expected table, written out independently of the machine's rows: [from, event] → [to, party]. */
const EXPECTED: Record<string, [string, FilingParty] | undefined> = {
  'none/submit': ['submitted', 'filer'],
  'submitted/receive': ['received', 'issuer'],
  'submitted/return': ['returned', 'issuer'],
  'received/accept': ['accepted', 'issuer'],
  'received/return': ['returned', 'issuer'],
  'returned/resubmit': ['resubmitted', 'filer'],
  'resubmitted/receive': ['received', 'issuer'],
  'resubmitted/return': ['returned', 'issuer'],
};

describe('filing machine: every (state, event) pair', () => {
  const pairs = STATES.flatMap((s) => FILING_EVENTS.map((e) => [s, e] as [FilingState, FilingEvent]));
  it('covers all 30 pairs', () => expect(pairs).toHaveLength(30));

  for (const [state, event] of pairs) {
    const expected = EXPECTED[`${state}/${event}`];
    it(`${state} + ${event} → ${expected ? expected[0] : 'refused'}`, () => {
      expect(nextFilingStatus(state, event)).toBe(expected ? expected[0] : null);
      const t = transitionFor(filingMachine, state, event);
      for (const party of ['filer', 'issuer', 'overseer'] as FilingParty[]) {
        // Only the party named in the row may fire it; an overseer only reads.
        if (t) expect(refusalOf(filingMachine, t, actor, { party }) === null).toBe(expected![1] === party);
      }
    });
  }

  it('needs a reason for every return', () => {
    expect(filingMachine.transitions.filter((t) => t.event === 'return').every((t) => t.needsReason)).toBe(true);
  });

  it('names the current state in the refusal', () => {
    expect(notApplicable(filingMachine, 'accepted', 'return')).toBe('报送当前为“已采纳”，不能退回修改');
  });

  it('offers each party only its own moves', () => {
    expect(availableEvents(filingMachine, actor, { party: 'issuer' }, 'submitted').sort()).toEqual(['receive', 'return']);
    expect(availableEvents(filingMachine, actor, { party: 'filer' }, 'submitted')).toEqual([]);
    expect(availableEvents(filingMachine, actor, { party: 'filer' }, 'returned')).toEqual(['resubmit']);
    expect(availableEvents(filingMachine, actor, { party: 'issuer' }, 'accepted')).toEqual([]);
    expect(availableEvents(filingMachine, actor, { party: 'overseer' }, 'submitted')).toEqual([]);
  });
});
