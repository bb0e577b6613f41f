import type { InspectionConclusionBody, InspectionRecordStatus } from '@taotai/shared';
import type { Machine, Transition } from '../../platform/lifecycle/index.ts';
import { type RoundRecord, signer } from './inspection-round.machine.ts';
import { conclusionRefusal } from './inspection-rules.ts';

export type InspectionRecordEvent = 'conclude';

/**
 * One enterprise's inspection record (issue 10 §2): pending until the round's leader account writes the
 * conclusion, through the one lifecycle step (ADR 0012) so it has its history and audit like the round.
 * The relation is the round's: whoever may sign for the round concludes its records.
 */
export const INSPECTION_RECORD_TRANSITIONS: readonly Transition<InspectionRecordStatus, InspectionRecordEvent, InspectionConclusionBody>[] = [
  {
    from: 'pending',
    event: 'conclude',
    to: 'concluded',
    by: 'signer',
    // Passing needs every checklist item met, failing needs the reasons (002 §二(二)1; inspection-rules.ts).
    guard: (body) => {
      const r = conclusionRefusal(body);
      return r ? { message: r.message, fields: [r] } : null;
    },
  },
];

export const recordMachine: Machine<InspectionRecordStatus, InspectionRecordEvent, RoundRecord, InspectionConclusionBody> = {
  entityType: 'inspection_record',
  // The audit action predates the machine: inspection.conclude on the record.
  auditPrefix: 'inspection',
  noun: '检查记录',
  statusLabels: { pending: '待检查', concluded: '已作出验收结论' },
  eventLabels: { conclude: '作出验收结论' },
  transitions: INSPECTION_RECORD_TRANSITIONS,
  relations: { signer },
};
