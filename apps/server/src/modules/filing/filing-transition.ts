import type { FilingEvent } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { announceArrival, awaitedFrom, lifecycleRepository, notApplicable, refusalOf, runTransition, transitionFor } from '../../platform/lifecycle/index.ts';
import { notify } from '../notification/index.ts';
import { type FilingParty, type FilingState, filingMachine } from './filing.machine.ts';
import { filingTodoMachine } from './filing.todo.ts';
import { type FilingInsert, type FilingRow, filingRepository as repo } from './filing.repository.ts';
import { requirementRepository, type TargetRow } from './requirement.repository.ts';

export interface FilingEventInput {
  filing: FilingRow;
  event: FilingEvent;
  party: FilingParty;
  reason?: string | null;
  /** Columns changed together with the status (resubmission content, revision). */
  set?: Partial<FilingInsert>;
  /** What was submitted, kept in the history entry's payload. */
  snapshot?: unknown;
  now: Date;
  requirement: { id: number; title: string };
  target: TargetRow;
  periodLabel: string;
}

/**
 * The machine's checks before any content is read or written (the first submission, a resubmission):
 * 409 wrong state, 403 the other party's move. Reasons and the guarded update are runTransition's.
 */
export function refuseUnlessAllowed(from: FilingState, event: FilingEvent, party: FilingParty, actor: Actor): void {
  const t = transitionFor(filingMachine, from, event);
  if (!t) throw conflict(notApplicable(filingMachine, from, event));
  const refusal = refusalOf(filingMachine, t, actor, { party });
  if (refusal) throw forbidden(refusal);
}

/** The history row of the first submission: it creates the record, so there is no guarded update to run. */
export async function recordFirstSubmission(tx: Db, actor: Actor, f: FilingRow, snapshot: unknown): Promise<void> {
  await lifecycleRepository.insertHistory(tx, {
    entityType: filingMachine.entityType,
    entityId: f.id,
    event: 'submit',
    fromStatus: null,
    toStatus: 'submitted',
    actorId: actor.userId,
    actorName: actor.displayName,
    at: f.submittedAt,
    reason: null,
    payload: { revision: f.revision, snapshot },
  });
}

/**
 * Fires a filing event through the one lifecycle step (machine, party, reason, guarded update, history,
 * audit) inside the caller's transaction; a return also notifies the filer's accounts (winner only).
 */
export async function fireFilingEvent(tx: Db, actor: Actor, input: FilingEventInput): Promise<void> {
  const { filing, event, now } = input;
  const revision = input.set?.revision ?? filing.revision;
  const moved = await runTransition(tx, {
    machine: filingMachine,
    table: repo.table,
    record: { party: input.party },
    id: filing.id,
    from: filing.status as FilingState,
    event,
    actor,
    now,
    regionCode: filing.filerRegionCode,
    reason: input.reason,
    set: { ...(event === 'return' ? { returnReason: input.reason?.trim() ?? null } : {}), ...input.set },
    payload: { revision, ...(input.snapshot !== undefined ? { snapshot: input.snapshot } : {}) },
    effects: async (row) => {
      if (event !== 'return') return;
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
          // The version moves with every transition, so each return notifies once.
          dedupeKey: `filing_returned:${filing.id}:${row.version as number}:${u.id}`,
          createdAt: now,
        })),
      );
    },
  });
  // Into a state the issuing office acts on (resubmitted, received): on its 待办, and told (ADR 0016).
  if (awaitedFrom(filingTodoMachine, moved.to).length > 0) {
    await announceArrival(tx, { entityType: 'filing', id: filing.id, to: moved.to, at: now, actorId: actor.userId });
  }
}
