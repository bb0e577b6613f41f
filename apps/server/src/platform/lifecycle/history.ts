import type { LifecycleEntry } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { type HistoryRow, lifecycleRepository } from './lifecycle.repository.ts';

/** A history row as the timeline shows it, with the machine's Chinese labels. */
export function presentHistory(rows: readonly HistoryRow[], labels: { status: Readonly<Record<string, string>>; event: Readonly<Record<string, string>> }): LifecycleEntry[] {
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    event: r.event,
    eventLabel: labels.event[r.event] ?? r.event,
    fromStatus: r.fromStatus,
    fromLabel: r.fromStatus ? (labels.status[r.fromStatus] ?? r.fromStatus) : null,
    toStatus: r.toStatus,
    toLabel: labels.status[r.toStatus] ?? r.toStatus,
    actorName: r.actorName,
    reason: r.reason,
    payload: (r.payload as Record<string, unknown> | null) ?? null,
  }));
}

/** A record's timeline, oldest first. The caller has loaded the record through the actor's scope (404 otherwise). */
export async function readHistory(db: Db, m: { entityType: string; statusLabels: Readonly<Record<string, string>>; eventLabels: Readonly<Record<string, string>> }, id: number): Promise<LifecycleEntry[]> {
  return presentHistory(await lifecycleRepository.history(db, m.entityType, id), { status: m.statusLabels, event: m.eventLabels });
}
