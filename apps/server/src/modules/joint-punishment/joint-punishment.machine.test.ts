import { JOINT_PUNISHMENT_EVENTS, JOINT_PUNISHMENT_STATUSES } from '@taotai/shared';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.ts';
import { availableEvents, nextStatus, refusalOf, transitionFor } from '../../platform/lifecycle/index.ts';
import { entryMachine } from './joint-punishment.machine.ts';

const place = { code: '410181100', provinceCode: '410000', prefectureCode: '410100', countyCode: '410181', townshipCode: '410181100' };
const record = { enterpriseId: 5, place };
const ent = { role: 'enterprise', enterpriseId: 5 } as Actor;
const otherEnt = { role: 'enterprise', enterpriseId: 6 } as Actor;
const gy = { role: 'group_office', scope: { column: 'countyCode', code: '410181' } } as Actor;
const xy = { role: 'group_office', scope: { column: 'countyCode', code: '410182' } } as Actor;
const dept = { role: 'member_agency', agencyId: 3, scope: { column: 'countyCode', code: '410181' } } as Actor;

const EXPECTED: Record<string, [string, 'enterprise' | 'office']> = {
  'listed/object': ['objected', 'enterprise'],
  'objected/uphold': ['listed', 'office'],
  'objected/accept_objection': ['revoked', 'office'],
  'listed/apply_repair': ['repair_requested', 'enterprise'],
  'repair_requested/grant_repair': ['repaired', 'office'],
  'repair_requested/refuse_repair': ['listed', 'office'],
};

describe('joint punishment machine: every (state, event) pair', () => {
  for (const s of JOINT_PUNISHMENT_STATUSES)
    for (const e of JOINT_PUNISHMENT_EVENTS) {
      const exp = EXPECTED[`${s}/${e}`];
      it(`${s} + ${e} → ${exp ? exp[0] : 'refused'}`, () => {
        expect(nextStatus(entryMachine, s, e)).toBe(exp ? exp[0] : null);
        const t = transitionFor(entryMachine, s, e);
        if (!t || !exp) return;
        expect(t.needsReason).toBe(true);
        expect(refusalOf(entryMachine, t, ent, record) === null).toBe(exp[1] === 'enterprise');
        expect(refusalOf(entryMachine, t, gy, record) === null).toBe(exp[1] === 'office');
        for (const a of [otherEnt, xy, dept]) expect(refusalOf(entryMachine, t, a, record)).not.toBeNull();
      });
    }

  it('offers the enterprise objection and repair, the office the answers', () => {
    expect(availableEvents(entryMachine, ent, record, 'listed')).toEqual(['object', 'apply_repair']);
    expect(availableEvents(entryMachine, gy, record, 'objected')).toEqual(['uphold', 'accept_objection']);
    expect(availableEvents(entryMachine, gy, record, 'repaired')).toEqual([]);
  });

  it('guards: objection within the period (the last day counts), repair only when compliant', () => {
    const object = transitionFor(entryMachine, 'listed', 'object')!;
    expect(object.guard!({ today: '2026-03-11', objectionUntil: '2026-03-11', compliant: false })).toBeNull();
    expect(object.guard!({ today: '2026-03-12', objectionUntil: '2026-03-11', compliant: false })).toMatchObject({ message: '异议期已于2026-03-11届满，不能再提出异议' });
    const repair = transitionFor(entryMachine, 'listed', 'apply_repair')!;
    expect(repair.guard!({ today: '2026-03-12', objectionUntil: '2026-03-11', compliant: false })).not.toBeNull();
    expect(repair.guard!({ today: '2026-03-12', objectionUntil: '2026-03-11', compliant: true })).toBeNull();
  });
});
