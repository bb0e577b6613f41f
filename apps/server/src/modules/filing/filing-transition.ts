import type { FilingEvent } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { conflict, forbidden, invalid } from '../../platform/errors.ts';
import { notify } from '../notification/index.ts';
import { announceArrival, awaitedFrom } from '../../platform/lifecycle/index.ts';
import { type FilingParty, type FilingState, nextFiling } from './filing.machine.ts';
import { filingTodoMachine } from './filing.todo.ts';
import { type FilingInsert, type FilingRow, filingRepository as repo } from './filing.repository.ts';
import { requirementRepository, type TargetRow } from './requirement.repository.ts';

export const FILING_MOVED = '该报送已被他人处理，请刷新后重试';

export interface TransitionInput {
  filing: FilingRow;
  event: FilingEvent;
  party: FilingParty;
  reason?: string | null;
  /** Columns changed together with the status (resubmission content, revision). */
  set?: Partial<FilingInsert>;
  /** What was submitted, kept in the history entry. */
  snapshot?: unknown;
  now: Date;
  requirement: { id: number; title: string };
  target: TargetRow;
  periodLabel: string;
}

/** Throws the HTTP error a refused move deserves: 403 other party's move, 400 no reason, 409 wrong state. */
export function refuseUnlessAllowed(filing: Pick<FilingRow, 'status'>, event: FilingEvent, party: FilingParty, reason?: string | null) {
  const r = nextFiling(filing.status as FilingState, event, party, reason);
  if (r.ok) return r.transition;
  if (r.code === 'wrong_party') throw forbidden(r.message);
  if (r.code === 'needs_reason') throw invalid(r.message, [{ path: 'reason', message: r.message }]);
  throw conflict(r.message);
}

/**
 * One state change inside the caller's transaction: `UPDATE … WHERE status = :from` (a concurrent
 * change finds nothing to update → 409), a history entry, the audit entry, and on a return a
 * notification to the filer's accounts.
 */
export async function applyTransition(tx: Db, actor: Actor, input: TransitionInput): Promise<FilingRow> {
  const { filing, event, now } = input;
  const t = refuseUnlessAllowed(filing, event, input.party, input.reason);
  const row = await repo.transition(tx, filing.id, filing.status, {
    status: t.to,
    updatedAt: now,
    ...(event === 'return' ? { returnReason: input.reason ?? null } : {}),
    ...input.set,
  });
  if (!row) throw conflict(FILING_MOVED);
  const ev = await repo.insertEvent(tx, {
    filingId: filing.id,
    event,
    fromStatus: filing.status,
    toStatus: t.to,
    revision: row.revision,
    actorId: actor.userId,
    actorName: actor.displayName,
    at: now,
    reason: input.reason ?? null,
    snapshot: input.snapshot ?? null,
  });
  await recordAudit(tx, actor, now, {
    action: `filing.${event}`,
    entityType: 'filing',
    entityId: filing.id,
    regionCode: filing.filerRegionCode,
    before: { status: filing.status, revision: filing.revision },
    after: { status: t.to, revision: row.revision, reason: input.reason ?? null },
  });
  // Into a state the issuing office acts on (resubmitted, received): on its 待办, and told (ADR 0016).
  if (awaitedFrom(filingTodoMachine, t.to).length > 0) await announceArrival(tx, { entityType: 'filing', id: filing.id, to: t.to, at: now, actorId: actor.userId });
  if (event === 'return') {
    const users = await requirementRepository.responsibleUsers(tx, input.target);
    await notify(
      tx,
      users.map((u) => ({
        userId: u.id,
        kind: 'filing_returned',
        title: `【退回修改】${input.requirement.title}`,
        body: `${input.periodLabel}的报送被退回：${input.reason ?? ''}`,
        entityType: 'filing',
        entityId: String(filing.id),
        link: `/filings/${filing.id}`,
        dedupeKey: `filing_returned:${ev.id}:${u.id}`,
        createdAt: now,
      })),
    );
  }
  return row;
}
