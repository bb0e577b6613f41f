import { CASE_EVENTS, type CaseEvent, EXTENSION_EVENTS, type ExtensionEvent } from '@taotai/shared';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.ts';
import { availableEvents, nextStatus, refusalOf, transitionFor } from '../../platform/lifecycle/index.ts';
import { CASE_STATE_LABELS, type CaseRecord, type CaseState, caseMachine, EXTENSION_STATE_LABELS, type ExtensionRecord, type ExtensionState, extensionMachine } from './non-compliance-case.machine.ts';

const CASE_STATES = Object.keys(CASE_STATE_LABELS) as CaseState[];
const none = { open: null, open_restricted: null, open_suspended: null, open_stopped: null, reinspect_passed: null, reinspect_failed: null, withdraw: null };
const open = { ...none, reinspect_passed: 'rectified', reinspect_failed: 'closure_ordered', withdraw: 'withdrawn' } as const;

/** Every (state, event) pair of the case, written out: a pair not listed as allowed must be refused. */
const EXPECTED: Record<CaseState, Record<CaseEvent, CaseState | null>> = {
  none: { ...none, open: 'rectifying', open_restricted: 'restricted', open_suspended: 'suspended', open_stopped: 'stopped' },
  rectifying: open,
  restricted: open,
  suspended: open,
  stopped: open,
  rectified: none,
  closure_ordered: none,
  withdrawn: none,
};

const EXT_EXPECTED: Record<ExtensionState, Record<ExtensionEvent, ExtensionState | null>> = {
  none: { request: 'requested', grant: null, refuse: null },
  requested: { request: null, grant: 'granted', refuse: 'refused' },
  granted: { request: null, grant: null, refuse: null },
  refused: { request: null, grant: null, refuse: null },
};

const actor = (over: Partial<Actor>): Actor =>
  ({ userId: 1, role: 'member_agency', agencyId: 7, enterpriseId: null, regionCode: '410181', scope: { column: 'countyCode', code: '410181' }, abilities: new Set(), ...over }) as Actor;

describe('non-compliance case machine: every (state, event) pair', () => {
  for (const from of CASE_STATES) {
    for (const event of CASE_EVENTS) {
      const to = EXPECTED[from][event];
      it(`${from} + ${event} → ${to ?? 'refused'}`, () => expect(nextStatus(caseMachine, from, event)).toBe(to));
    }
  }
  it('covers all 56 pairs', () => expect(CASE_STATES.length * CASE_EVENTS.length).toBe(56));
  it('asks a failed re-inspection for the closure decision number and a withdrawal for its reason', () => {
    const failed = transitionFor(caseMachine, 'rectifying', 'reinspect_failed')!;
    expect(failed.guard!({ closureDecisionNo: '' })).toMatchObject({ fields: [{ path: 'closureDecisionNo' }] });
    expect(failed.guard!({ closureDecisionNo: '巩发改关〔2026〕1号' })).toBeNull();
    expect(transitionFor(caseMachine, 'stopped', 'withdraw')!.needsReason).toBe(true);
  });
});

describe('who may move a case', () => {
  const energy: CaseRecord = { criterion: 'energy', agencyId: 7, agencyKind: 'development', openedBy: 1 };
  it('opens only for a department whose kind owns the ground', () => {
    const t = transitionFor(caseMachine, 'none', 'open')!;
    expect(refusalOf(caseMachine, t, actor({}), energy)).toBeNull();
    expect(refusalOf(caseMachine, t, actor({}), { ...energy, agencyKind: 'ecology' })).toContain('本部门不负责该类案件');
    expect(refusalOf(caseMachine, t, actor({ role: 'group_office' }), energy)).toContain('本部门不负责');
  });
  it('lets the opening department re-inspect, and another of its accounts than the opener withdraw', () => {
    expect(availableEvents(caseMachine, actor({}), energy, 'rectifying')).toEqual(['reinspect_passed', 'reinspect_failed']);
    expect(availableEvents(caseMachine, actor({ userId: 2 }), energy, 'rectifying')).toEqual(['reinspect_passed', 'reinspect_failed', 'withdraw']);
    expect(availableEvents(caseMachine, actor({ userId: 2, agencyId: 8 }), energy, 'rectifying')).toEqual([]);
    expect(availableEvents(caseMachine, actor({ role: 'enterprise', enterpriseId: 3 }), energy, 'stopped')).toEqual([]);
  });
});

describe('extension request machine: every (state, event) pair and its parties', () => {
  const STATES = Object.keys(EXTENSION_STATE_LABELS) as ExtensionState[];
  for (const from of STATES) {
    for (const event of EXTENSION_EVENTS) {
      const to = EXT_EXPECTED[from][event];
      it(`${from} + ${event} → ${to ?? 'refused'}`, () => expect(nextStatus(extensionMachine, from, event)).toBe(to));
    }
  }
  const r: ExtensionRecord = { agencyId: 7, openedBy: 1, requestedBy: 50, enterpriseId: 3, enterpriseRegionCode: '410181100', enterpriseCountyCode: '410181' };
  const request = transitionFor(extensionMachine, 'none', 'request')!;
  it('is asked by the enterprise itself or the office of its region, nobody else', () => {
    expect(refusalOf(extensionMachine, request, actor({ role: 'enterprise', enterpriseId: 3, userId: 50 }), r)).toBeNull();
    expect(refusalOf(extensionMachine, request, actor({ role: 'group_office', regionCode: '410181', userId: 60 }), r)).toBeNull();
    expect(refusalOf(extensionMachine, request, actor({ role: 'enterprise', enterpriseId: 4 }), r)).toContain('企业本身');
    expect(refusalOf(extensionMachine, request, actor({ role: 'group_office', regionCode: '410100' }), r)).toContain('企业本身');
    expect(refusalOf(extensionMachine, request, actor({}), r)).toContain('企业本身');
  });
  it('is decided by the opening department, never by the opener or the requester', () => {
    expect(availableEvents(extensionMachine, actor({ userId: 2 }), r, 'requested')).toEqual(['grant', 'refuse']);
    expect(availableEvents(extensionMachine, actor({ userId: 1 }), r, 'requested')).toEqual([]);
    expect(refusalOf(extensionMachine, transitionFor(extensionMachine, 'requested', 'grant')!, actor({ userId: 1 }), r)).toContain('立案或申请人员不能决定');
    expect(refusalOf(extensionMachine, transitionFor(extensionMachine, 'requested', 'grant')!, actor({ userId: 2, agencyId: 9 }), r)).toBe('案件的延期和撤销由立案部门决定');
  });
});
