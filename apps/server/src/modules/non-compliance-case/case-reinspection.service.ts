import type { Case, CaseReinspectionBody, CaseStatus, CaseTransitionBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { invalid } from '../../platform/errors.ts';
import { runTransition } from '../../platform/lifecycle/index.ts';
import { caseMachine } from './non-compliance-case.machine.ts';
import { caseRecordOf } from './non-compliance-case.presenter.ts';
import { caseRepository } from './non-compliance-case.repository.ts';
import { getCase, readableCase } from './non-compliance-case.service.ts';

/**
 * 复查 (issue 12): the department records who inspected, when and what they found; the result concludes the case —
 * passed: 整改合格 (off the list; a stopped safety case may resume production), failed: 责令关闭 with the closure
 * decision's number (the red list). The record is written only by the winner of the case's state change, so of two
 * re-inspections entered at once one is kept and the other answers 409.
 */
export async function recordReinspection(db: Db, clock: Clock, actor: Actor, id: number, body: CaseReinspectionBody): Promise<Case> {
  const now = clock.now();
  const today = todayInChina(now);
  await db.transaction(async (tx) => {
    const v = await readableCase(tx, actor, id);
    if (body.inspectedOn > today) throw invalid(`复查日期${body.inspectedOn}不能晚于今天（${today}）`, [{ path: 'inspectedOn', message: '复查日期不能晚于今天' }]);
    if (body.inspectedOn < v.c.servedOn) {
      throw invalid(`复查日期${body.inspectedOn}不能早于送达日期${v.c.servedOn}`, [{ path: 'inspectedOn', message: '复查日期不能早于送达日期' }]);
    }
    const failed = body.result === 'failed';
    const closureDecisionNo = failed ? (body.closureDecisionNo?.trim() ?? null) : null;
    await runTransition(tx, {
      machine: caseMachine,
      table: caseRepository.table,
      record: caseRecordOf(v),
      id,
      from: v.c.status as CaseStatus,
      event: failed ? 'reinspect_failed' : 'reinspect_passed',
      actor,
      now,
      regionCode: v.regionCode,
      facts: { closureDecisionNo },
      set: { concludedOn: body.inspectedOn, closureDecisionNo },
      effects: async () => {
        const r = await caseRepository.insertReinspection(tx, {
          caseId: id,
          inspectedOn: body.inspectedOn,
          inspectors: body.inspectors,
          findings: body.findings,
          result: body.result,
          recordedBy: actor.userId,
          recordedAt: now,
        });
        return { reinspectionId: r.id, inspectedOn: r.inspectedOn, inspectors: r.inspectors, result: r.result, ...(closureDecisionNo ? { closureDecisionNo } : {}) };
      },
    });
  });
  return getCase(db, clock, actor, id);
}

/** 撤销: a case opened in error, ended with a reason by the opening department's other account (ADR 0022). */
export async function transitionCase(db: Db, clock: Clock, actor: Actor, id: number, body: CaseTransitionBody): Promise<Case> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const v = await readableCase(tx, actor, id);
    await runTransition(tx, {
      machine: caseMachine,
      table: caseRepository.table,
      record: caseRecordOf(v),
      id,
      from: v.c.status as CaseStatus,
      event: body.event,
      actor,
      now,
      regionCode: v.regionCode,
      reason: body.reason,
      set: { concludedOn: todayInChina(now) },
    });
  });
  return getCase(db, clock, actor, id);
}
