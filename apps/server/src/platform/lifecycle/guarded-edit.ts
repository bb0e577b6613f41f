import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.ts';
import { conflict } from '../errors.ts';
import { lifecycleRepository, type VersionedTable } from './lifecycle.repository.ts';
import { STALE_STATE } from './run-transition.ts';

/**
 * A version-locked edit that is not a state change (an enterprise, a line, a target, a plan's lines, a
 * work plan, a requirement, a letter draft; ADR 0012): the user saw `version`; the update runs only if
 * the record is still at it (and `where`, e.g. still a draft), moves the version, and is audited in the
 * caller's transaction. Zero rows → 409 with the one STALE_STATE text, like a lost transition.
 */
export interface EditRequest<T> {
  table: VersionedTable;
  id: number;
  version: number;
  set: Record<string, unknown>;
  actor: Actor;
  now: Date;
  entityType: string;
  /** The audit action; default `<entityType>.update`. */
  action?: string;
  /** The audit entry's region (a function when the edit may move the record, e.g. an enterprise). */
  regionCode: string | null | ((row: T) => string | null);
  /** What the audit keeps as before; the after is the updated row unless `after` maps it. */
  before?: unknown;
  after?: (row: T) => unknown;
  /** A further condition on the row (a letter is edited only while drafted). */
  where?: SQL;
}

/** 409 STALE_STATE unless the record is still at the version the user saw (checked again by the update itself). */
export function checkVersion(current: number, seen: number): void {
  if (current !== seen) throw conflict(STALE_STATE);
}

export async function guardedEdit<T = Record<string, unknown>>(tx: Db, q: EditRequest<T>): Promise<T> {
  const row = (await lifecycleRepository.updateIfVersion(tx, q.table, q.id, q.version, { ...q.set, updatedAt: q.now }, q.where)) as T | null;
  if (!row) throw conflict(STALE_STATE);
  await recordAudit(tx, q.actor, q.now, {
    action: q.action ?? `${q.entityType}.update`,
    entityType: q.entityType,
    entityId: q.id,
    regionCode: typeof q.regionCode === 'function' ? q.regionCode(row) : q.regionCode,
    before: q.before,
    after: q.after ? q.after(row) : row,
  });
  return row;
}

/** A version-locked delete: the row goes only if still at `version` (and `where`), audited; else 409 STALE_STATE. */
export async function guardedDelete(
  tx: Db,
  q: Pick<EditRequest<unknown>, 'table' | 'id' | 'version' | 'actor' | 'now' | 'entityType' | 'before' | 'where'> & { action?: string; regionCode: string | null },
): Promise<void> {
  if (!(await lifecycleRepository.deleteIfVersion(tx, q.table, q.id, q.version, q.where))) throw conflict(STALE_STATE);
  await recordAudit(tx, q.actor, q.now, {
    action: q.action ?? `${q.entityType}.delete`,
    entityType: q.entityType,
    entityId: q.id,
    regionCode: q.regionCode,
    before: q.before,
  });
}
