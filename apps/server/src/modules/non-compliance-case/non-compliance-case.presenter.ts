import {
  type Case,
  type CaseExtensionRequest,
  type CaseFileRef,
  type CaseReinspection,
  type CaseStatus,
  type CaseSummary,
  type ExtensionStatus,
  RED_CASE_STATUSES,
  YELLOW_CASE_STATUSES,
} from '@taotai/shared';
import type { Actor } from '../../platform/access/actor.ts';
import { availableEvents } from '../../platform/lifecycle/index.ts';
import { daysBetween } from './case-deadlines.ts';
import { type CaseRecord, caseMachine, type ExtensionRecord, extensionMachine } from './non-compliance-case.machine.ts';
import type { CaseView, ExtensionRow, ReinspectionRow } from './non-compliance-case.repository.ts';

export const isOpenCase = (status: string): boolean => (YELLOW_CASE_STATUSES as readonly string[]).includes(status);

export const caseRecordOf = (v: CaseView): CaseRecord => ({
  criterion: v.c.criterion as CaseRecord['criterion'],
  agencyId: v.c.agencyId,
  agencyKind: v.agencyKind,
  openedBy: v.c.createdBy,
});

export const extensionRecordOf = (v: CaseView, requestedBy: number | null): ExtensionRecord => ({
  agencyId: v.c.agencyId,
  openedBy: v.c.createdBy,
  requestedBy,
  enterpriseId: v.c.enterpriseId,
  enterpriseRegionCode: v.regionCode,
  enterpriseCountyCode: v.countyCode,
});

/** The case as a list row; `today` (Beijing) decides days left and overdue. */
export function presentCaseSummary(v: CaseView, today: string): CaseSummary {
  const c = v.c;
  const open = isOpenCase(c.status);
  const daysLeft = open && c.deadline ? daysBetween(today, c.deadline) : null;
  return {
    id: c.id,
    enterpriseId: c.enterpriseId,
    enterpriseName: v.enterpriseName,
    uscc: v.uscc,
    regionCode: v.regionCode,
    regionName: v.regionName,
    lineId: c.lineId,
    lineName: v.lineName,
    agencyId: c.agencyId,
    agencyName: v.agencyName,
    criterion: c.criterion as CaseSummary['criterion'],
    decisionNo: c.decisionNo,
    servedOn: c.servedOn,
    deadline: c.deadline,
    originalDeadline: c.originalDeadline,
    status: c.status as CaseStatus,
    list: open ? 'yellow' : (RED_CASE_STATUSES as readonly string[]).includes(c.status) ? 'red' : null,
    daysLeft,
    overdue: daysLeft !== null && daysLeft < 0,
    concludedOn: c.concludedOn,
    closureDecisionNo: c.closureDecisionNo,
    version: c.version,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentExtension(actor: Actor, v: CaseView, e: ExtensionRow, names: Map<number, string>): CaseExtensionRequest {
  const events = availableEvents(extensionMachine, actor, extensionRecordOf(v, e.requestedBy), e.status as ExtensionStatus);
  return {
    id: e.id,
    months: e.months,
    reason: e.reason,
    status: e.status as ExtensionStatus,
    requestedByName: e.requestedBy === null ? null : (names.get(e.requestedBy) ?? null),
    requestedAt: e.requestedAt.toISOString(),
    decidedByName: e.decidedBy === null ? null : (names.get(e.decidedBy) ?? null),
    decidedAt: e.decidedAt?.toISOString() ?? null,
    decisionNote: e.decisionNote,
    availableEvents: isOpenCase(v.c.status) ? events.filter((x): x is 'grant' | 'refuse' => x === 'grant' || x === 'refuse') : [],
  };
}

export const presentReinspection = (r: ReinspectionRow): CaseReinspection => ({
  id: r.id,
  inspectedOn: r.inspectedOn,
  inspectors: r.inspectors,
  findings: r.findings,
  result: r.result as CaseReinspection['result'],
  recordedAt: r.recordedAt.toISOString(),
});

export function presentCase(
  actor: Actor,
  v: CaseView,
  today: string,
  parts: { extensions: ExtensionRow[]; reinspections: ReinspectionRow[]; names: Map<number, string> },
): Case {
  const status = v.c.status as CaseStatus;
  const events = availableEvents(caseMachine, actor, caseRecordOf(v), status);
  const open = isOpenCase(status);
  const requester = extensionMachine.relations.requester!(actor, extensionRecordOf(v, null)) === null;
  return {
    ...presentCaseSummary(v, today),
    basisId: v.c.basisId,
    standardText: v.c.standardText,
    findings: v.c.findings,
    files: (v.c.files ?? []) as CaseFileRef[],
    extensionRequests: parts.extensions.map((e) => presentExtension(actor, v, e, parts.names)),
    reinspections: parts.reinspections.map(presentReinspection),
    availableEvents: events,
    abilities: {
      // Shown while the case runs under a deadline; a second extension or one past the deadline is refused by the server, naming why.
      requestExtension: open && requester && v.c.deadline !== null,
      reinspect: events.includes('reinspect_passed'),
      withdraw: events.includes('withdraw'),
      upload: open && caseMachine.relations.department!(actor, caseRecordOf(v)) === null,
    },
  };
}
