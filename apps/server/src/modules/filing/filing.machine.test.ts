import { FILING_EVENTS, FILING_STATUSES, type FilingEvent } from '@taotai/shared';
import { describe, expect, it } from 'vitest';
import { availableFilingEvents, type FilingParty, type FilingState, nextFiling } from './filing.machine.ts';

const STATES: FilingState[] = ['none', ...FILING_STATUSES];

/** The expected table, written out independently of FILING_TRANSITIONS: [from, event] → [to, party]. */
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
      for (const party of ['filer', 'issuer'] as FilingParty[]) {
        const r = nextFiling(state, event, party, '缺少附件');
        if (expected && expected[1] === party) {
          expect(r).toMatchObject({ ok: true, transition: { to: expected[0] } });
        } else {
          expect(r.ok).toBe(false);
          // A pair in the table refused only because it is the other party's move; all others are not allowed at all.
          if (!r.ok) expect(r.code).toBe(expected ? 'wrong_party' : 'not_allowed');
        }
      }
    });
  }

  it('refuses a return without a reason', () => {
    const r = nextFiling('submitted', 'return', 'issuer', '  ');
    expect(r).toEqual({ ok: false, code: 'needs_reason', message: '退回修改须写明原因' });
  });

  it('names the current state in the refusal', () => {
    const r = nextFiling('accepted', 'return', 'issuer', '数据有误');
    expect(r).toEqual({ ok: false, code: 'not_allowed', message: '报送当前状态为“已采纳”，不能退回修改' });
  });

  it('offers each party only its own moves', () => {
    expect(availableFilingEvents('submitted', 'issuer').sort()).toEqual(['receive', 'return']);
    expect(availableFilingEvents('submitted', 'filer')).toEqual([]);
    expect(availableFilingEvents('returned', 'filer')).toEqual(['resubmit']);
    expect(availableFilingEvents('accepted', 'issuer')).toEqual([]);
  });
});
