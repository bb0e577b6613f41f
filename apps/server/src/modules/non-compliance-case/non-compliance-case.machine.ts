import {
  CASE_CRITERION_AGENCY,
  CASE_EVENT_LABELS,
  CASE_STATUS_LABELS,
  type CaseCriterion,
  type CaseEvent,
  type CaseStatus,
  EXTENSION_EVENT_LABELS,
  EXTENSION_STATUS_LABELS,
  type ExtensionEvent,
  type ExtensionStatus,
} from '@taotai/shared';
import { caseDecision, type Machine, type Transition } from '../../platform/lifecycle/index.ts';

/** `none`: nothing opened yet — opening creates the row, so its rows are checked by the machine and written as an insert. */
export type CaseState = CaseStatus | 'none';
export const CASE_STATE_LABELS: Readonly<Record<CaseState, string>> = { none: '未立案', ...CASE_STATUS_LABELS };

/** What the relations look at: the ground, the opening department (and its kind), who opened it. */
export interface CaseRecord {
  criterion: CaseCriterion;
  agencyId: number;
  /** The kind of the opening department (for a case not yet opened: the actor's own department). */
  agencyKind: string | null;
  openedBy: number | null;
}

/** What the failed re-inspection's guard reads. */
export interface CaseFacts {
  closureDecisionNo?: string | null;
}

/** The yellow states: open under a deadline (or stopped), each awaiting its re-inspection. */
const OPEN: readonly CaseStatus[] = ['rectifying', 'restricted', 'suspended', 'stopped'];

/** The event that opens a case in each state the ground decides (case-deadlines.ts openingOf). */
export const OPEN_EVENT: Record<'rectifying' | 'restricted' | 'suspended' | 'stopped', CaseEvent> = {
  rectifying: 'open',
  restricted: 'open_restricted',
  suspended: 'open_suspended',
  stopped: 'open_stopped',
};

const needsClosureNo = (f: CaseFacts) =>
  f?.closureDecisionNo?.trim() ? null : { message: '复查不合格时请填写关闭决定文号', fields: [{ path: 'closureDecisionNo', message: '请填写关闭决定文号' }] };

const concluding: Transition<CaseState, CaseEvent, CaseFacts>[] = OPEN.flatMap((from) => [
  // Awaited: a department re-inspects every open case; the to-do lists it from N working days before its deadline (ADR 0022).
  { from, event: 'reinspect_passed' as const, to: 'rectified' as const, by: 'department', awaits: { kind: 'verify' as const, listedWithinWorkingDays: 10 } },
  { from, event: 'reinspect_failed' as const, to: 'closure_ordered' as const, by: 'department', guard: needsClosureNo },
  { from, event: 'withdraw' as const, to: 'withdrawn' as const, by: 'decider', needsReason: true },
]);

/**
 * A non-compliance case as a table (issue 12; 002 §二(一)2–6): the department opens it in the state its ground
 * decides — 限期整改 (energy, quality, technology, land), 限制生产 or 停产整治 (environment), 停产整改 at once
 * (safety); a re-inspection concludes it — passed: 整改合格 (off the list; a safety case may resume production),
 * failed: 责令关闭 with the closure decision's number (the red list); the department withdraws one opened in
 * error with a reason, decided by another of its accounts than the opener (ADR 0022).
 */
export const caseMachine: Machine<CaseState, CaseEvent, CaseRecord, CaseFacts> = {
  entityType: 'non_compliance_case',
  noun: '案件',
  statusLabels: CASE_STATE_LABELS,
  eventLabels: CASE_EVENT_LABELS,
  transitions: [
    { from: 'none', event: 'open', to: 'rectifying', by: 'opener' },
    { from: 'none', event: 'open_restricted', to: 'restricted', by: 'opener' },
    { from: 'none', event: 'open_suspended', to: 'suspended', by: 'opener' },
    { from: 'none', event: 'open_stopped', to: 'stopped', by: 'opener' },
    ...concluding,
  ],
  relations: {
    opener: (actor, r) => {
      const kinds: readonly string[] = CASE_CRITERION_AGENCY[r.criterion];
      if (actor.role !== 'member_agency' || actor.agencyId !== r.agencyId || !r.agencyKind || !kinds.includes(r.agencyKind)) {
        return '本部门不负责该类案件：能耗由发展改革或工业和信息化部门、环保由生态环境部门、质量由市场监管部门、安全由应急管理部门、用地由自然资源部门立案';
      }
      return null;
    },
    department: (actor, r) => (actor.role === 'member_agency' && actor.agencyId === r.agencyId ? null : '复查结论由立案部门录入'),
    decider: (actor, r) => caseDecision(actor, r.agencyId, [r.openedBy]),
  },
};

/** What the extension's relations look at. */
export interface ExtensionRecord {
  agencyId: number;
  openedBy: number | null;
  requestedBy: number | null;
  enterpriseId: number;
  /** The enterprise's own region and its county: the office of its region may ask on its behalf. */
  enterpriseRegionCode: string;
  enterpriseCountyCode: string | null;
}

export type ExtensionState = ExtensionStatus | 'none';
export const EXTENSION_STATE_LABELS: Readonly<Record<ExtensionState, string>> = { none: '未申请', ...EXTENSION_STATUS_LABELS };

/** 延期申请: asked by the enterprise (or the office of its region), decided by the opening department (ADR 0022). */
export const extensionMachine: Machine<ExtensionState, ExtensionEvent, ExtensionRecord> = {
  entityType: 'case_extension_request',
  noun: '延期申请',
  statusLabels: EXTENSION_STATE_LABELS,
  eventLabels: EXTENSION_EVENT_LABELS,
  transitions: [
    { from: 'none', event: 'request', to: 'requested', by: 'requester' },
    { from: 'requested', event: 'grant', to: 'granted', by: 'decider', awaits: { kind: 'approve' } },
    { from: 'requested', event: 'refuse', to: 'refused', by: 'decider', needsReason: true },
  ],
  relations: {
    requester: (actor, r) => {
      if (actor.role === 'enterprise' && actor.enterpriseId === r.enterpriseId) return null;
      if (actor.role === 'group_office' && (actor.regionCode === r.enterpriseRegionCode || actor.regionCode === r.enterpriseCountyCode)) return null;
      return '延期须由企业本身或其所在地领导小组办公室申请';
    },
    decider: (actor, r) => caseDecision(actor, r.agencyId, [r.openedBy, r.requestedBy]),
  },
};
