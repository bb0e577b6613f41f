import { DATA_QUALITY_EVENT_LABELS, DATA_QUALITY_STATUS_LABELS, type DataQualityEvent, type DataQualityStatus } from '@taotai/shared';
import { isSystemActor } from '../../platform/access/actor.ts';
import type { Machine } from '../../platform/lifecycle/index.ts';
import { resolveRefusal } from './data-quality.policy.ts';
import type { FlagRow } from './data-quality.repository.ts';

/**
 * A flag's life (ADR 0012, ADR 0013): raised open, resolved once with a note by the level above, never
 * by whoever raised it and never deleted (issue 10 §4). The note is the transition's reason.
 */
export const flagMachine: Machine<DataQualityStatus, DataQualityEvent, FlagRow> = {
  entityType: 'data_quality_flag',
  auditPrefix: 'data_quality',
  noun: '数据质量标记',
  statusLabels: DATA_QUALITY_STATUS_LABELS,
  eventLabels: DATA_QUALITY_EVENT_LABELS,
  transitions: [
    { from: 'open', event: 'resolve', to: 'resolved', by: 'upper', needsReason: true },
    // The sweep's own finding gone or changed (ADR 0018): resolved by the platform with a system note.
    { from: 'open', event: 'auto_resolve', to: 'resolved', by: 'sweep', needsReason: true },
  ],
  relations: {
    upper: (actor, f) => resolveRefusal(actor, f),
    sweep: (actor) => (isSystemActor(actor) ? null : '该标记由系统复查自动处理'),
  },
};
