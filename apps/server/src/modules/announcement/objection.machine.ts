import { OBJECTION_EVENT_LABELS, OBJECTION_STATUS_LABELS, type ObjectionEvent, type ObjectionState } from '@taotai/shared';
import type { Machine } from '../../platform/lifecycle/index.ts';
import type { RegionRow } from '../region/index.ts';
import { announcementPolicy } from './announcement.policy.ts';

/** What the relation looks at: the region of the 公示 the objection was filed against. */
export interface ObjectionRecord {
  region: RegionRow;
}

/**
 * An objection's life (ADR 0012): filed open by anyone during the notice period, answered once by the
 * issuing office (the office that drafted the 公示 verifies and replies, 003 §三); an answer never changes.
 */
export const objectionMachine: Machine<ObjectionState, ObjectionEvent, ObjectionRecord> = {
  entityType: 'announcement_objection',
  // The audit action stays announcement.objection_answer, as audit readers know it.
  auditPrefix: 'announcement',
  noun: '异议',
  statusLabels: OBJECTION_STATUS_LABELS,
  eventLabels: OBJECTION_EVENT_LABELS,
  transitions: [{ from: 'open', event: 'objection_answer', to: 'answered', by: 'office' }],
  relations: {
    office: (actor, o) => (announcementPolicy.isDrafter(actor, o.region.code) ? null : `只有${o.region.name}领导小组办公室可以答复本公示的异议`),
  },
};
