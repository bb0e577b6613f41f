import { INSPECTION_CHECKS, type InspectionConclusionBody, type InspectionRound, type InspectionRoundStatus } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { runTransition, STALE_STATE } from '../../platform/lifecycle/index.ts';
import { fireTaskEvent } from '../exit-task/index.ts';
import { presentLine } from './inspection.presenter.ts';
import { inspectionRepository as repo } from './inspection.repository.ts';
import { getRound, readableRound, roundRecordOf } from './inspection.service.ts';
import { acceptsConclusions, signer } from './inspection-round.machine.ts';
import { recordMachine } from './inspection-record.machine.ts';

/**
 * Records the team's findings and conclusion for one enterprise and, in the same transaction, accepts
 * (pass) or rejects with the reasons (fail) every exit task of that enterprise awaiting acceptance:
 * either all of it happens or none. Acceptance marks the lines eliminated (inside fireTaskEvent).
 */
export async function concludeRecord(db: Db, clock: Clock, actor: Actor, roundId: number, recordId: number, body: InspectionConclusionBody): Promise<InspectionRound> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const c = await readableRound(tx, actor, roundId);
    const { round } = c;
    // The conclusion is the leader's to sign (issue 10 §2), like concluding the round.
    const refusal = signer(actor, roundRecordOf(c));
    if (refusal) throw forbidden(refusal);
    const v = await repo.recordOfRound(tx, roundId, recordId);
    if (!v) throw notFound('检查记录');
    if (!acceptsConclusions(round.status as InspectionRoundStatus)) throw conflict(round.status === 'draft' ? '本批次尚未开始检查，请先点击“开始检查”' : '本批次检查已结束');
    if (v.record.status !== 'pending') throw conflict(`${v.enterpriseName}已作出验收结论`);
    if (v.record.version !== body.version) throw conflict(STALE_STATE);
    if (body.inspectedOn > todayInChina(now)) throw invalid('检查日期不能晚于今天', [{ path: 'inspectedOn', message: '检查日期不能晚于今天' }]);

    const tasks = await repo.awaitingAcceptance(tx, { enterpriseIds: [v.record.enterpriseId] });
    if (tasks.length === 0) throw conflict(`${v.enterpriseName}没有待验收的退出任务（可能已单独验收或退回），请刷新后重试`);
    const pass = body.conclusion === 'pass';
    const checklist = Object.fromEntries(INSPECTION_CHECKS.map((k) => [k, body[k]])) as Record<(typeof INSPECTION_CHECKS)[number], boolean>;
    const reasons = body.reasons || null;
    // Who (the leader account), the checklist/reasons guard, the version-locked update, history and audit: one step.
    await runTransition(tx, {
      machine: recordMachine,
      table: repo.recordTable,
      record: roundRecordOf(c),
      id: recordId,
      from: 'pending',
      event: 'conclude',
      actor,
      now,
      regionCode: round.regionCode,
      version: body.version,
      facts: body,
      set: { ...checklist, notes: body.notes, inspectedOn: body.inspectedOn, conclusion: body.conclusion, reasons, lines: tasks.map(presentLine), concludedAt: now, concludedBy: actor.displayName },
      payload: { roundId, enterpriseId: v.record.enterpriseId, ...checklist, notes: body.notes, inspectedOn: body.inspectedOn, conclusion: body.conclusion, reasons, tasks: tasks.map((t) => t.taskId) },
      // Only the winner of two concurrent conclusions moves the tasks (the loser found no row: 409).
      effects: async () => {
        for (const t of tasks) {
          await fireTaskEvent(tx, now, actor, t.taskId, pass ? { event: 'accept', payload: {} } : { event: 'reject', payload: { reason: body.reasons } });
        }
      },
    });
  });
  return getRound(db, actor, roundId);
}
