import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import { testActor } from '../access/test-actor.ts';
import { announcementApproval, approvingRegionOf, DUTY_RULES, planApproval, targetDecompositionApproval } from './duties.ts';
import { availableEvents, type Machine, nextStatus, notApplicable, refusalOf, transitionFor } from './machine.ts';

const actor = (over: Partial<Actor>): Actor => testActor(over);

type S = 'draft' | 'submitted' | 'done';
type E = 'submit' | 'approve' | 'return';
interface Rec {
  owner: number;
}
const m: Machine<S, E, Rec, { ok: boolean }> = {
  entityType: 'thing',
  noun: '事项',
  statusLabels: { draft: '草稿', submitted: '已报送', done: '已办结' },
  eventLabels: { submit: '报送', approve: '批准', return: '退回' },
  transitions: [
    { from: 'draft', event: 'submit', to: 'submitted', by: 'owner', guard: (f) => (f.ok ? null : '还缺：附件') },
    { from: 'submitted', event: 'approve', to: 'done', by: 'other' },
    { from: 'submitted', event: 'return', to: 'draft', by: 'other', needsReason: true },
  ],
  relations: {
    owner: (a, r) => (a.userId === r.owner ? null : '只有本人可以报送'),
    other: (a, r) => (a.userId !== r.owner ? null : '本人报送的事项须由他人审批'),
  },
};

describe('the machine shape', () => {
  it('answers the next state of every (state, event) pair, null where the event does not apply', () => {
    expect(nextStatus(m, 'draft', 'submit')).toBe('submitted');
    expect(nextStatus(m, 'draft', 'approve')).toBeNull();
    expect(nextStatus(m, 'done', 'return')).toBeNull();
    expect(transitionFor(m, 'submitted', 'return')?.needsReason).toBe(true);
    expect(notApplicable(m, 'draft', 'approve')).toBe('事项当前为“草稿”，不能批准');
  });
  it('answers who may fire, from the same rows, for the refusal and for the UI', () => {
    const owner = actor({ userId: 7 });
    const other = actor({ userId: 8 });
    const rec = { owner: 7 };
    expect(availableEvents(m, owner, rec, 'draft')).toEqual(['submit']);
    expect(availableEvents(m, other, rec, 'draft')).toEqual([]);
    expect(availableEvents(m, owner, rec, 'submitted')).toEqual([]);
    expect(availableEvents(m, other, rec, 'submitted')).toEqual(['approve', 'return']);
    expect(refusalOf(m, transitionFor(m, 'submitted', 'approve')!, owner, rec)).toBe('本人报送的事项须由他人审批');
    expect(m.transitions[0]!.guard!({ ok: false })).toBe('还缺：附件');
  });
});

describe('separation of duties', () => {
  const gongyi = { code: '410181', level: 'county', parentCode: '410100', provinceCode: '410000', directlyAdministered: true };
  const xingyang = { code: '410182', level: 'county', parentCode: '410100', provinceCode: '410000', directlyAdministered: false };
  it('puts a 省直管县 under its province and any other region under its parent', () => {
    expect(approvingRegionOf(gongyi)).toBe('410000');
    expect(approvingRegionOf(xingyang)).toBe('410100');
    expect(approvingRegionOf({ code: '410000', level: 'province', parentCode: null, provinceCode: '410000', directlyAdministered: false })).toBeNull();
  });
  it('refuses a plan’s approval by its submitter, by its own level and by an administrative ancestor that is not its reporting parent', () => {
    const submitter = actor({ userId: 3 });
    expect(planApproval(submitter, gongyi, [3])).toBe(DUTY_RULES.planSelf);
    expect(planApproval(actor({ userId: 4 }), gongyi, [3])).toBe(DUTY_RULES.planUpper);
    expect(planApproval(actor({ userId: 5, regionCode: '410100', regionLevel: 'prefecture' }), gongyi, [3])).toBe(DUTY_RULES.planUpper);
    expect(planApproval(actor({ userId: 6, regionCode: '410000', regionLevel: 'province' }), gongyi, [3])).toBeNull();
    expect(planApproval(actor({ userId: 5, regionCode: '410100', regionLevel: 'prefecture' }), xingyang, [3])).toBeNull();
    // The level above is bound by the rule too: an admin who submitted may not approve.
    expect(planApproval(actor({ userId: 9, role: 'admin' }), gongyi, [9])).toBe(DUTY_RULES.planSelf);
  });
  it('lets a 公示 be approved by the region’s leader or the level above, never by its drafter', () => {
    expect(announcementApproval(actor({ userId: 3 }), gongyi, [3, null])).toBe(DUTY_RULES.announcementSelf);
    expect(announcementApproval(actor({ userId: 4 }), gongyi, [3])).toBe(DUTY_RULES.announcementUpper);
    expect(announcementApproval(actor({ userId: 4, role: 'leader' }), gongyi, [3])).toBeNull();
    expect(announcementApproval(actor({ userId: 4, role: 'leader', regionCode: '410182' }), gongyi, [3])).toBe(DUTY_RULES.announcementUpper);
    expect(announcementApproval(actor({ userId: 6, regionCode: '410000', regionLevel: 'province' }), gongyi, [3])).toBeNull();
  });
  it('sends a target decomposition to the reporting parent, never back to its submitter (issue 10 §2)', () => {
    expect(targetDecompositionApproval(actor({ userId: 3 }), gongyi, [3])).toBe(DUTY_RULES.targetSelf);
    expect(targetDecompositionApproval(actor({ userId: 5, regionCode: '410100', regionLevel: 'prefecture' }), gongyi, [3])).toBe(DUTY_RULES.targetUpper);
    expect(targetDecompositionApproval(actor({ userId: 6, regionCode: '410000', regionLevel: 'province' }), gongyi, [3])).toBeNull();
    expect(targetDecompositionApproval(actor({ userId: 5, regionCode: '410100', regionLevel: 'prefecture' }), xingyang, [3])).toBeNull();
    expect(targetDecompositionApproval(actor({ userId: 9, role: 'admin' }), gongyi, [9])).toBe(DUTY_RULES.targetSelf);
  });
});
