import { TIP_EVENTS, TIP_STATUSES, type TipEvent, type TipStatus } from '@taotai/shared';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.ts';
import { testActor } from '../../platform/access/test-actor.ts';
import { availableEvents, DUTY_RULES, refusalOf, transitionFor } from '../../platform/lifecycle/index.ts';
import { conclusionGuard, extendGuard, forwardGuard, type TipFacts, type TipRecord, tipMachine } from './tip.machine.ts';

/** The whole table written out: every (state, event) pair either leads somewhere or is refused. */
const EXPECTED: Record<TipStatus, Partial<Record<TipEvent, TipStatus>>> = {
  received: { accept: 'verifying', forward: 'received', extend: 'received' },
  verifying: { forward: 'verifying', extend: 'verifying', submit_conclusion: 'concluding' },
  concluding: { return: 'verifying', conclude: 'concluded' },
  concluded: {},
};
const valid: Record<TipEvent, TipFacts> = {
  accept: {},
  forward: { forwardTo: { regionCode: '410182' } },
  extend: { extendDays: 10 },
  submit_conclusion: { finding: 'substantiated', reply: '已核实，已责令停产', measures: '责令停产，重新纳入淘汰任务' },
  return: {},
  conclude: {},
};

const actor = (over: Partial<Actor>): Actor => testActor(over);
const record: TipRecord = { regionCode: '410181', agencyId: null, escalatedToRegionCode: null, draftedBy: 1 };

describe('tip transition table', () => {
  for (const from of TIP_STATUSES) {
    for (const event of TIP_EVENTS) {
      const to = EXPECTED[from][event] ?? null;
      it(`${from} + ${event} → ${to ?? 'refused'}`, () => {
        const t = transitionFor(tipMachine, from, event);
        expect(t?.to ?? null).toBe(to);
        if (t) expect(t.guard?.(valid[event]) ?? null).toBeNull();
      });
    }
  }
  it('has no duplicate rows; forward, extend and return need a reason', () => {
    const keys = tipMachine.transitions.map((t) => `${t.from}/${t.event}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of tipMachine.transitions) expect(Boolean(t.needsReason)).toBe(['forward', 'extend', 'return'].includes(t.event));
  });
});

describe('tip guards', () => {
  it('forward and extend once each; extension of 1–15 working days', () => {
    expect(forwardGuard({ forwarded: true, forwardTo: { regionCode: '410182' } })).toBe('该举报已转办过一次，不能再次转办');
    expect(forwardGuard({})).toMatchObject({ message: '请选择转办单位' });
    expect(extendGuard({ extended: true, extendDays: 5 })).toBe('该举报已延期过一次，不能再次延期');
    for (const d of [0, 16, 2.5, null]) expect(extendGuard({ extendDays: d })).toMatchObject({ message: '延期天数应为1至15个工作日' });
    expect(extendGuard({ extendDays: 15 })).toBeNull();
  });
  it('names each missing part of the conclusion', () => {
    expect(conclusionGuard({})).toMatchObject({
      message: '提交办结还缺：核查结论；答复举报人的内容；处理措施',
      fields: [{ path: 'finding' }, { path: 'reply' }, { path: 'measures' }],
    });
    expect(conclusionGuard({ finding: 'unsubstantiated', reply: '经核查不属实', measures: ' ' })).toMatchObject({ message: '提交办结还缺：处理措施' });
  });
});

describe('tip relations', () => {
  const conclude = transitionFor(tipMachine, 'concluding', 'conclude')!;
  it('the drafter may not conclude; another account of the office or its leader may', () => {
    expect(refusalOf(tipMachine, conclude, actor({ userId: 1 }), record)).toBe(DUTY_RULES.tipSelf);
    expect(refusalOf(tipMachine, conclude, actor({ userId: 2 }), record)).toBeNull();
    expect(refusalOf(tipMachine, conclude, actor({ userId: 3, role: 'leader' }), record)).toBeNull();
    expect(refusalOf(tipMachine, conclude, actor({ userId: 4, regionCode: '410100' }), record)).toBe(DUTY_RULES.tipOffice);
  });
  it('a department handles and concludes the tips routed to it; the office then only reads', () => {
    const dept = { ...record, agencyId: 7 };
    const member = actor({ userId: 2, role: 'member_agency', agencyId: 7 });
    expect(availableEvents(tipMachine, member, dept, 'received')).toEqual(['accept', 'forward', 'extend']);
    expect(availableEvents(tipMachine, actor({ userId: 2 }), dept, 'received')).toEqual([]);
    expect(availableEvents(tipMachine, actor({ userId: 2, role: 'member_agency', agencyId: 8 }), dept, 'concluding')).toEqual([]);
  });
  it('the office of the level escalated to handles too; town accounts never', () => {
    const up = actor({ userId: 5, regionCode: '410000', regionLevel: 'province' });
    expect(availableEvents(tipMachine, up, record, 'verifying')).toEqual([]);
    expect(availableEvents(tipMachine, up, { ...record, escalatedToRegionCode: '410000' }, 'verifying')).toEqual(['forward', 'extend', 'submit_conclusion']);
    expect(availableEvents(tipMachine, actor({ role: 'town', regionCode: '410181001' }), record, 'received')).toEqual([]);
  });
});
