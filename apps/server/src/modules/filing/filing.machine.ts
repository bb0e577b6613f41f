import { FILING_EVENT_LABELS, FILING_STATUS_LABELS, type FilingEvent, type FilingStatus } from '@taotai/shared';

/**
 * The filing's life (pure): submitted → received → accepted, or returned (with a reason) → resubmitted.
 * `none` is "nothing filed yet". `by` says whose move it is: the responsible unit (filer) or the
 * issuing office (issuer).
 */
export type FilingState = FilingStatus | 'none';
export type FilingParty = 'filer' | 'issuer';

export interface FilingTransition {
  from: FilingState;
  event: FilingEvent;
  to: FilingStatus;
  by: FilingParty;
  /** The event needs a written reason (a return says what to correct). */
  needsReason?: boolean;
}

export const FILING_TRANSITIONS: readonly FilingTransition[] = [
  { from: 'none', event: 'submit', to: 'submitted', by: 'filer' },
  { from: 'submitted', event: 'receive', to: 'received', by: 'issuer' },
  { from: 'resubmitted', event: 'receive', to: 'received', by: 'issuer' },
  { from: 'received', event: 'accept', to: 'accepted', by: 'issuer' },
  { from: 'submitted', event: 'return', to: 'returned', by: 'issuer', needsReason: true },
  { from: 'resubmitted', event: 'return', to: 'returned', by: 'issuer', needsReason: true },
  { from: 'received', event: 'return', to: 'returned', by: 'issuer', needsReason: true },
  { from: 'returned', event: 'resubmit', to: 'resubmitted', by: 'filer' },
];

export const stateLabel = (s: FilingState) => (s === 'none' ? '未报送' : FILING_STATUS_LABELS[s]);

/** not_allowed: no such move from this state (409); wrong_party: the other side's move (403); needs_reason (400). */
export type NextResult =
  | { ok: true; transition: FilingTransition }
  | { ok: false; code: 'not_allowed' | 'wrong_party' | 'needs_reason'; message: string };

/** The transition for (state, event) by a party, or why it is not allowed (Chinese). */
export function nextFiling(from: FilingState, event: FilingEvent, by: FilingParty, reason?: string | null): NextResult {
  const t = FILING_TRANSITIONS.find((x) => x.from === from && x.event === event);
  if (!t) return { ok: false, code: 'not_allowed', message: `报送当前状态为“${stateLabel(from)}”，不能${FILING_EVENT_LABELS[event]}` };
  if (t.by !== by) {
    const message = t.by === 'issuer' ? `“${FILING_EVENT_LABELS[event]}”由下达要求的领导小组办公室操作` : `“${FILING_EVENT_LABELS[event]}”由报送单位操作`;
    return { ok: false, code: 'wrong_party', message };
  }
  if (t.needsReason && !reason?.trim()) return { ok: false, code: 'needs_reason', message: `${FILING_EVENT_LABELS[event]}须写明原因` };
  return { ok: true, transition: t };
}

/** Events a party may fire from a state (for the UI's buttons). */
export function availableFilingEvents(from: FilingState, by: FilingParty): FilingEvent[] {
  return FILING_TRANSITIONS.filter((t) => t.from === from && t.by === by).map((t) => t.event);
}
