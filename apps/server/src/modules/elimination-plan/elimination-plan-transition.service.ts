import { PLAN_EVENT_LABELS, PLAN_STATUS_LABELS, type Plan, type PlanStatus, type PlanTransitionBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid } from '../../platform/errors.ts';
import { nextStatus } from './elimination-plan.machine.ts';
import { planPolicy } from './elimination-plan.policy.ts';
import { type PlanInsert, planRepository } from './elimination-plan.repository.ts';
import { getPlan, readablePlan } from './elimination-plan.service.ts';
import { snapshotOf } from './elimination-plan.presenter.ts';

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

/** Fires an event of the approval machine; two concurrent transitions cannot both succeed (409). */
export async function transitionPlan(db: Db, clock: Clock, actor: Actor, id: number, body: PlanTransitionBody): Promise<Plan> {
  const now = clock.now();
  const { event } = body;
  await db.transaction(async (tx) => {
    const { view, region } = await readablePlan(tx, actor, id);
    const from = view.status as PlanStatus;
    const to = nextStatus(from, event);
    if (!to) throw conflict(`计划当前为“${PLAN_STATUS_LABELS[from]}”，不能${PLAN_EVENT_LABELS[event]}`);
    if (!planPolicy.mayFire(actor, region, event)) {
      throw forbidden(event === 'submit' || event === 'withdraw' ? `只有${region.name}领导小组办公室可以${PLAN_EVENT_LABELS[event]}本级计划` : '只有本级或上级领导小组办公室可以审批该计划');
    }
    if (event === 'return' && !body.reason) throw invalid('退回时请填写退回原因', [{ path: 'reason', message: '退回时请填写退回原因' }]);

    const set: Partial<PlanInsert> = { updatedAt: now };
    if (event === 'submit') Object.assign(set, { submittedAt: now, submittedBy: actor.userId, returnReason: null });
    if (event === 'return') set.returnReason = body.reason;
    if (event === 'approve') Object.assign(set, { approvedAt: now, approvedBy: actor.userId });
    // The status condition is the guard: a concurrent transition that got there first leaves no row to update.
    const moved = await planRepository.transition(tx, id, from, to, set);
    if (!moved) throw conflict('计划状态已被他人改变，请刷新后重试');

    let lineCount = 0;
    let planned: { id: number; status: string }[] = [];
    if (event === 'submit' || event === 'approve') lineCount = await refreshSnapshots(tx, id);
    if (event === 'submit' && lineCount === 0) throw invalid('计划中还没有生产线，不能报送（确无落后产能的地区请报送零报告）');
    if (event === 'approve') planned = await planRepository.markLinesPlanned(tx, id, now);
    await recordAudit(tx, actor, now, {
      action: `elimination_plan.${event}`,
      entityType: 'elimination_plan',
      entityId: id,
      regionCode: view.regionCode,
      before: { status: from },
      after: { status: to, reason: body.reason || undefined, lines: event === 'approve' ? planned : undefined },
    });
  });
  return getPlan(db, actor, id);
}
