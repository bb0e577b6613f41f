import type { LifecycleEntry, Target, TargetStatus, TargetTransitionBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict } from '../../platform/errors.ts';
import { readHistory, runTransition } from '../../platform/lifecycle/index.ts';
import type { RegionRow } from '../region/index.ts';
import { targetMachine } from './target.machine.ts';
import { type TargetRow, targetRepository } from './target.repository.ts';
import { getTarget, readableTarget } from './target.service.ts';

/**
 * Submits, returns or approves a target's decomposition through the one lifecycle step (machine, who may
 * fire it with separation of duties, guard, guarded update, history, audit, arrival notice). Of two
 * concurrent approvals one wins, the other finds the state moved (409).
 */
export async function transitionTarget(db: Db, clock: Clock, actor: Actor, id: number, body: TargetTransitionBody): Promise<Target> {
  const now = clock.now();
  const { event } = body;
  await db.transaction(async (tx) => {
    const { view, region } = await readableTarget(tx, actor, id);
    const set: Partial<TargetRow> = {};
    if (event === 'submit') Object.assign(set, { submittedAt: now, submittedBy: actor.userId, returnReason: null });
    if (event === 'return') set.returnReason = body.reason;
    if (event === 'approve') Object.assign(set, { approvedAt: now, approvedBy: actor.userId });
    const further = event === 'submit' ? await targetRepository.decomposedFurther(tx, [id]) : new Set<number>();
    await runTransition(tx, {
      machine: targetMachine,
      table: targetRepository.table,
      record: { region, submittedBy: view.submittedBy },
      id,
      from: view.status as TargetStatus,
      event,
      actor,
      now,
      regionCode: view.regionCode,
      reason: body.reason,
      facts: { shares: further.has(id) ? 1 : 0 },
      set,
    });
  });
  return getTarget(db, actor, id);
}

/**
 * Before an edit of the decomposition (allocations or named lines), inside the edit's transaction with the
 * row locked: draft and returned are edited as they are; an approved one goes back to draft through the
 * machine's `reopen` (in the history; it must be approved again, ADR 0021); a submitted one is refused.
 */
export async function openForEdit(tx: Db, actor: Actor, row: TargetRow, region: RegionRow, now: Date): Promise<void> {
  const status = row.status as TargetStatus;
  if (status === 'submitted') throw conflict('目标分解已报送待上级审批，审批或退回前不能修改');
  if (status !== 'approved') return;
  await runTransition(tx, {
    machine: targetMachine,
    table: targetRepository.table,
    record: { region, submittedBy: row.submittedBy },
    id: row.id,
    from: status,
    event: 'reopen',
    actor,
    now,
    regionCode: row.regionCode,
    set: { approvedAt: null, approvedBy: null },
  });
}

/** The decomposition's timeline (履历): submissions, returns with their reasons, approvals, reopenings. */
export async function targetHistory(db: Db, actor: Actor, id: number): Promise<LifecycleEntry[]> {
  await readableTarget(db, actor, id);
  return readHistory(db, targetMachine, id);
}
