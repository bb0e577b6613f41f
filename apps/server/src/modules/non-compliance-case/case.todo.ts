import { CASE_CRITERION_LABELS, type CaseCriterion } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { AwaitingCandidate, AwaitingSource } from '../../platform/lifecycle/index.ts';
import { type CaseRecord, caseMachine, type ExtensionRecord, extensionMachine } from './non-compliance-case.machine.ts';
import { casePolicy } from './non-compliance-case.policy.ts';
import { caseRecordOf, extensionRecordOf } from './non-compliance-case.presenter.ts';
import { type CaseReach, type CaseView, caseRepository } from './non-compliance-case.repository.ts';

const EVERYWHERE: CaseReach = { scope: null, agencyId: null, enterpriseId: null };
const titleOf = (v: CaseView) => `${v.enterpriseName}${CASE_CRITERION_LABELS[v.c.criterion as CaseCriterion]}案件（${v.c.decisionNo}）`;

const caseCandidate = (v: CaseView): AwaitingCandidate<CaseRecord> => ({
  id: v.c.id,
  status: v.c.status,
  record: caseRecordOf(v),
  title: titleOf(v),
  regionCode: v.regionCode,
  link: `/cases/${v.c.id}`,
  // Due on the legal deadline (ADR 0022): listed from N working days before it (the machine's mark) and once passed.
  dueDate: v.c.deadline,
});

/**
 * Open cases wait for their re-inspection by the opening department (issue 12): on its 待办 from a few working days
 * before the deadline, reminded before and when overdue by the to-do reminder job (ADR 0016, 0022).
 */
export const caseTodoSource: AwaitingSource<CaseRecord> = {
  machine: caseMachine,
  kindLabel: '不达标案件复查',
  async candidates(db: Db, reach: Actor | null, statuses: string[], limit: number) {
    const r = reach ? casePolicy.reach(reach) : EVERYWHERE;
    if (!r || reach?.role === 'enterprise') return [];
    const rows = await caseRepository.page(db, r, { statuses }, { afterId: null, descending: false }, limit);
    return rows.map(caseCandidate);
  },
  async one(db: Db, id: number) {
    const v = await caseRepository.viewById(db, id);
    return v ? caseCandidate(v) : null;
  },
};

type PendingExtension = NonNullable<Awaited<ReturnType<typeof caseRepository.extensionViewById>>>;

const extensionCandidate = (e: PendingExtension): AwaitingCandidate<ExtensionRecord> => ({
  id: e.id,
  status: e.status,
  record: extensionRecordOf(e.view, e.requestedBy),
  title: `${titleOf(e.view)}延期${e.months}个月`,
  regionCode: e.view.regionCode,
  link: `/cases/${e.caseId}`,
  since: e.requestedAt,
  // The decision is due while the deadline it would move still runs.
  dueDate: e.view.c.deadline,
});

/** Extension requests wait for the opening department's decision (ADR 0022). */
export const caseExtensionTodoSource: AwaitingSource<ExtensionRecord> = {
  machine: extensionMachine,
  kindLabel: '案件延期申请',
  async candidates(db: Db, reach: Actor | null, _statuses: string[], limit: number) {
    const r = reach ? casePolicy.reach(reach) : EVERYWHERE;
    if (!r || reach?.role === 'enterprise') return [];
    return (await caseRepository.pendingExtensions(db, r, limit)).map(extensionCandidate);
  },
  async one(db: Db, id: number) {
    const e = await caseRepository.extensionViewById(db, id);
    return e ? extensionCandidate(e) : null;
  },
};
