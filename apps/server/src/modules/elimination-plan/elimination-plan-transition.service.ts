import type { LifecycleEntry, Plan, PlanStatus, PlanTransitionBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { readHistory, runTransition } from '../../platform/lifecycle/index.ts';
import { planMachine } from './elimination-plan.machine.ts';
import { snapshotOf } from './elimination-plan.presenter.ts';
import { type PlanInsert, planRepository } from './elimination-plan.repository.ts';
import { getPlan, readablePlan } from './elimination-plan.service.ts';

/**
 * Re-reads every plan line from the registry so what is submitted and approved (and later announced)
 * is the registry as it stands now. A line deleted meanwhile stops the transition.
 */
async function refreshSnapshots(tx: Db, planId: number): Promise<number> {
  const lines = await planRepository.lines(tx, planId);
  const sources = new Map((await planRepository.lineSources(tx, lines.map((l) => l.lineId))).map((s) => [s.lineId, s]));
  for (const l of lines) {
    const s = sources.get(l.lineId);
    if (!s) {
      const old = snapshotOf(l);
      throw conflict(`生产线“${old.lineName}”（${old.enterpriseName}）已从企业库删除，请先将其移出计划`);
    }
    await planRepository.refreshSnapshot(tx, l.id, s);
  }
  return lines.length;
}

/**
 * Fires an event of the approval machine through the one lifecycle step (machine, who may fire it with
 * separation of duties, guarded update, history, audit); then the plan's after-effects in the same
 * transaction. Two concurrent transitions cannot both succeed (409).
 */
export async function transitionPlan(db: Db, clock: Clock, actor: Actor, id: number, body: PlanTransitionBody): Promise<Plan> {
  const now = clock.now();
  const { event } = body;
  await db.transaction(async (tx) => {
    const { view, region } = await readablePlan(tx, actor, id);
    const set: Partial<PlanInsert> = {};
    if (event === 'submit') Object.assign(set, { submittedAt: now, submittedBy: actor.userId, returnReason: null });
    if (event === 'return') set.returnReason = body.reason;
    if (event === 'approve') Object.assign(set, { approvedAt: now, approvedBy: actor.userId });
    await runTransition(tx, {
      machine: planMachine,
      table: planRepository.table,
      record: { region, createdBy: view.createdBy, submittedBy: view.submittedBy },
      id,
      from: view.status as PlanStatus,
      event,
      actor,
      now,
      regionCode: view.regionCode,
      reason: body.reason,
      set,
      // After-effects of the winner only: the lines are re-read from the registry; approval plans them.
      effects: async () => {
        if (event === 'submit' || event === 'approve') {
          const lineCount = await refreshSnapshots(tx, id);
          if (event === 'submit' && lineCount === 0) throw invalid('计划中还没有生产线，不能报送（确无落后产能的地区请报送零报告）');
        }
        if (event === 'approve') return { lines: await planRepository.markLinesPlanned(tx, id, now) };
      },
    });
  });
  return getPlan(db, actor, id);
}

/** The plan's timeline (履历): submissions, returns with their reasons, the approval with its opinion. */
export async function planHistory(db: Db, actor: Actor, id: number): Promise<LifecycleEntry[]> {
  await readablePlan(db, actor, id);
  return readHistory(db, planMachine, id);
}
