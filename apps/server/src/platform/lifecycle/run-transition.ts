import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.ts';
import { conflict, forbidden, invalid } from '../errors.ts';
import { type LifecycleTable, lifecycleRepository } from './lifecycle.repository.ts';
import { announceArrival, awaitedFrom } from './awaiting.ts';
import { type Machine, notApplicable, refusalOf, refusalParts, transitionFor } from './machine.ts';

/** The one answer when a record moved under the user (a concurrent transition or edit got there first). */
export const STALE_STATE = '该记录已被他人改变，请刷新后重试';

export interface TransitionRequest<S extends string, E extends string, R, F> {
  machine: Machine<S, E, R, F>;
  table: LifecycleTable;
  /** The record as loaded through the actor's scope (out of scope is the caller's 404). */
  record: R;
  id: number;
  from: S;
  event: E;
  actor: Actor;
  now: Date;
  /** The audit entry's region. */
  regionCode: string | null;
  /** A return's reason or an approval's opinion (审核意见); kept in the history. */
  reason?: string | null;
  /** What the guard reads (the event's facts, counts of attached evidence…). */
  facts?: F;
  /** Columns written together with the new status. */
  set?: Record<string, unknown>;
  /** Where the user acted on a version they saw. */
  version?: number;
  /** The event's facts kept in the history and the audit entry. */
  payload?: Record<string, unknown>;
  /**
   * The module's after-effects, run right after the guarded update in the same transaction (so only the
   * winner of a race runs them); what they return is added to the history's and audit's payload.
   */
  effects?: (row: Record<string, unknown>) => Promise<Record<string, unknown> | undefined> | Promise<void>;
}

export interface TransitionResult<S extends string> {
  from: S;
  to: S;
  row: Record<string, unknown>;
}

/**
 * The one way a state changes, inside the caller's transaction: machine (409) → who may fire it,
 * separation of duties included (403) → guard (400) → guarded update (`WHERE id AND status = from`,
 * and version; zero rows → 409 STALE_STATE) → the module's effects → history row → audit row, all in
 * the caller's transaction, so everything commits or vanishes together.
 */
export async function runTransition<S extends string, E extends string, R, F>(tx: Db, q: TransitionRequest<S, E, R, F>): Promise<TransitionResult<S>> {
  const { machine: m, from, event, actor } = q;
  const t = transitionFor(m, from, event);
  if (!t) throw conflict(notApplicable(m, from, event));
  const refusal = refusalOf(m, t, actor, q.record);
  if (refusal) throw forbidden(refusal);
  const reason = q.reason?.trim() || null;
  if (t.needsReason && !reason) {
    const message = `${m.eventLabels[event]}时请填写原因`;
    throw invalid(message, [{ path: 'reason', message }]);
  }
  const missing = t.guard ? t.guard(q.facts as F) : null;
  if (missing) {
    const { message, fields } = refusalParts(missing);
    throw invalid(message, fields);
  }

  const row = await lifecycleRepository.guardedUpdate(tx, q.table, q.id, from, t.to, { ...q.set, updatedAt: q.now }, q.version);
  if (!row) throw conflict(STALE_STATE);
  const added = q.effects ? await q.effects(row) : undefined;
  const payload = q.payload || added ? { ...q.payload, ...added } : null;
  await lifecycleRepository.insertHistory(tx, {
    entityType: m.entityType,
    entityId: q.id,
    event,
    fromStatus: from,
    toStatus: t.to,
    actorId: actor.userId,
    actorName: actor.displayName,
    at: q.now,
    reason,
    payload,
  });
  await recordAudit(tx, actor, q.now, {
    action: `${m.auditPrefix ?? m.entityType}.${event}`,
    entityType: m.entityType,
    entityId: q.id,
    regionCode: q.regionCode,
    before: { status: from },
    after: { status: t.to, ...(reason ? { reason } : {}), ...payload },
  });
  // Someone is now waited for: they hear of it in this transaction (ADR 0016; the to-do module listens).
  if (awaitedFrom(m, t.to).length > 0) await announceArrival(tx, { entityType: m.entityType, id: q.id, to: t.to, at: q.now, actorId: actor.userId });
  return { from, to: t.to, row };
}
