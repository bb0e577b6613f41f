import type { DataQualityFlag, DataQualityKind, DataQualityStatus } from '@taotai/shared';
import type { Actor } from '../../platform/access/actor.ts';
import { HISTORY_LABELS, recordLink } from './data-quality-links.ts';
import { availableEvents } from '../../platform/lifecycle/index.ts';
import { flagMachine } from './data-quality.machine.ts';
import { mayResolve } from './data-quality.policy.ts';
import type { FlagListRow } from './data-quality.repository.ts';

export function presentFlag(actor: Actor, r: FlagListRow): DataQualityFlag {
  const f = r.flag;
  return {
    id: f.id,
    regionCode: f.regionCode,
    regionName: r.regionName,
    kind: f.kind as DataQualityKind,
    entityType: f.entityType,
    entityId: f.entityId,
    message: f.message,
    details: (f.details ?? {}) as Record<string, unknown>,
    raisedByName: r.raisedByName,
    raisedAt: f.raisedAt.toISOString(),
    status: f.status as DataQualityStatus,
    resolvedByName: r.resolvedByName,
    resolvedAt: f.resolvedAt?.toISOString() ?? null,
    resolutionNote: f.resolutionNote,
    link: recordLink(f.entityType, f.entityId, (f.details ?? {}) as Record<string, unknown>),
    hasHistory: f.entityType in HISTORY_LABELS,
    abilities: { resolve: mayResolve(actor, f) },
    availableEvents: availableEvents(flagMachine, actor, f, f.status as DataQualityStatus),
  };
}
