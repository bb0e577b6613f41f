import { FILING_EVENT_LABELS, FILING_STATUS_LABELS, type FilingEvent, type FilingStatus } from '@taotai/shared';
import { type Machine, nextStatus } from '../../platform/lifecycle/index.ts';

/**
 * The filing's life as one machine (ADR 0012): submitted → received → accepted, or returned (with a
 * reason) → resubmitted. `none` is "nothing filed yet": the first submission creates the record, so
 * its row is checked by the machine but written as an insert (no guarded update). `by` says whose move
 * it is: the addressed unit (filer) or the issuing office (issuer).
 */
export type FilingState = FilingStatus | 'none';
export type FilingParty = 'filer' | 'issuer' | 'overseer';

/** What the relations look at: how the actor relates to the filing (loadFiling decides it in scope). */
export interface FilingRecord {
  party: FilingParty;
}

export const FILING_STATE_LABELS: Readonly<Record<FilingState, string>> = { none: '未报送', ...FILING_STATUS_LABELS };

export const filingMachine: Machine<FilingState, FilingEvent, FilingRecord> = {
  entityType: 'filing',
  noun: '报送',
  statusLabels: FILING_STATE_LABELS,
  eventLabels: FILING_EVENT_LABELS,
  transitions: [
    { from: 'none', event: 'submit', to: 'submitted', by: 'filer' },
    { from: 'submitted', event: 'receive', to: 'received', by: 'issuer' },
    { from: 'resubmitted', event: 'receive', to: 'received', by: 'issuer' },
    { from: 'received', event: 'accept', to: 'accepted', by: 'issuer' },
    { from: 'submitted', event: 'return', to: 'returned', by: 'issuer', needsReason: true },
    { from: 'resubmitted', event: 'return', to: 'returned', by: 'issuer', needsReason: true },
    { from: 'received', event: 'return', to: 'returned', by: 'issuer', needsReason: true },
    { from: 'returned', event: 'resubmit', to: 'resubmitted', by: 'filer' },
  ],
  relations: {
    filer: (_a, r) => (r.party === 'filer' ? null : '报送、重新报送由报送单位操作'),
    issuer: (_a, r) => (r.party === 'issuer' ? null : '接收、采纳、退回报送由下达要求的领导小组办公室操作'),
  },
};

/** The state an event leads to from `from`, or null when the event does not apply there. */
export const nextFilingStatus = (from: FilingState, event: FilingEvent): FilingState | null => nextStatus(filingMachine, from, event);
