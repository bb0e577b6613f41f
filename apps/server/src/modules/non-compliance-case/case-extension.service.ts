import type { Case, CaseExtensionBody, CaseExtensionTransitionBody, ExtensionStatus } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { announceArrival, guardedEdit, lifecycleRepository, runTransition } from '../../platform/lifecycle/index.ts';
import { extendedDeadline, extensionRefusal } from './case-deadlines.ts';
import { CASE_STATE_LABELS, extensionMachine } from './non-compliance-case.machine.ts';
import { extensionRecordOf, isOpenCase } from './non-compliance-case.presenter.ts';
import { caseRepository } from './non-compliance-case.repository.ts';
import { getCase, readableCase, refuseUnlessAllowed } from './non-compliance-case.service.ts';

/**
 * 延期申请 (issue 12; 002 §二(一)2): the enterprise (or the office of its region) asks, before the deadline, for at
 * most 3 months; one extension at most is granted per case. The case row is locked while the rules are read, so two
 * requests at once cannot both pass the "no other pending or granted" check.
 */
export async function requestExtension(db: Db, clock: Clock, actor: Actor, id: number, body: CaseExtensionBody): Promise<Case> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    await caseRepository.lock(tx, id);
    const v = await readableCase(tx, actor, id);
    refuseUnlessAllowed(extensionMachine, 'none', 'request', actor, extensionRecordOf(v, actor.userId));
    if (!isOpenCase(v.c.status)) throw conflict(`案件当前为“${CASE_STATE_LABELS[v.c.status as keyof typeof CASE_STATE_LABELS]}”，不能申请延期`);
    const existing = await caseRepository.extensionsOf(tx, id);
    const refusal = extensionRefusal({
      months: body.months,
      deadline: v.c.deadline,
      today: todayInChina(now),
      granted: existing.filter((e) => e.status === 'granted').length,
      pending: existing.some((e) => e.status === 'requested'),
    });
    if (refusal) throw invalid(refusal.message, [refusal]);
    const e = await caseRepository.insertExtension(tx, { caseId: id, months: body.months, reason: body.reason, status: 'requested', requestedBy: actor.userId, requestedAt: now });
    const payload = { caseId: id, months: e.months, deadline: v.c.deadline };
    await lifecycleRepository.insertHistory(tx, {
      entityType: extensionMachine.entityType,
      entityId: e.id,
      event: 'request',
      fromStatus: null,
      toStatus: 'requested',
      actorId: actor.userId,
      actorName: actor.displayName,
      at: now,
      reason: body.reason,
      payload,
    });
    await recordAudit(tx, actor, now, { action: `${extensionMachine.entityType}.request`, entityType: extensionMachine.entityType, entityId: e.id, regionCode: v.regionCode, after: { status: 'requested', ...payload } });
    await announceArrival(tx, { entityType: extensionMachine.entityType, id: e.id, to: 'requested', at: now, actorId: actor.userId });
  });
  return getCase(db, clock, actor, id);
}

/**
 * Grants or refuses a request (the opening department, never the opener or the requester; ADR 0022). A grant moves
 * the case's deadline by the months asked, counted from the deadline in force, in the same transaction.
 */
export async function transitionExtension(db: Db, clock: Clock, actor: Actor, id: number, requestId: number, body: CaseExtensionTransitionBody): Promise<Case> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    await caseRepository.lock(tx, id);
    const v = await readableCase(tx, actor, id);
    const e = await caseRepository.extensionById(tx, id, requestId);
    if (!e) throw notFound('延期申请');
    const granted = (await caseRepository.extensionsOf(tx, id)).filter((x) => x.status === 'granted').length;
    const open = isOpenCase(v.c.status);
    await runTransition(tx, {
      machine: extensionMachine,
      table: caseRepository.extensionTable,
      record: extensionRecordOf(v, e.requestedBy),
      id: requestId,
      from: e.status as ExtensionStatus,
      event: body.event,
      actor,
      now,
      regionCode: v.regionCode,
      reason: body.reason,
      set: { decidedBy: actor.userId, decidedAt: now, decisionNote: body.reason?.trim() || null },
      effects: async () => {
        if (body.event !== 'grant') return;
        if (!open) throw conflict('案件已结案，不能再批准延期');
        if (granted > 0 || v.c.deadline === null) throw invalid('本案件已批准过一次延期，不能再次批准', [{ path: 'event', message: '每个案件只能批准一次延期' }]);
        const deadline = extendedDeadline(v.c.deadline, e.months);
        await guardedEdit(tx, {
          table: caseRepository.table,
          id,
          version: v.c.version,
          set: { deadline },
          actor,
          now,
          entityType: 'non_compliance_case',
          action: 'non_compliance_case.extend_deadline',
          regionCode: v.regionCode,
          before: { deadline: v.c.deadline },
          after: () => ({ deadline, extensionRequestId: requestId, months: e.months }),
        });
        return { caseId: id, deadline: { from: v.c.deadline, to: deadline } };
      },
    });
  });
  return getCase(db, clock, actor, id);
}
