import { LETTER_EVENT_LABELS, LETTER_STATUS_LABELS, type LetterEvent, type LetterStatus } from '@taotai/shared';
import type { Machine } from '../../platform/lifecycle/index.ts';
import { letterPolicy } from './responsibility-letter.policy.ts';
import type { LetterRow } from './responsibility-letter.repository.ts';

/**
 * The letter's life (ADR 0012): 甲方's office drafts it; filing the scan signed by both parties
 * (签订) makes it final. Either party's office files the scan (002 §二(一)2: the letter is signed
 * level by level); a signed letter never changes.
 */
export const letterMachine: Machine<LetterStatus, LetterEvent, LetterRow> = {
  entityType: 'responsibility_letter',
  noun: '责任书',
  statusLabels: LETTER_STATUS_LABELS,
  eventLabels: LETTER_EVENT_LABELS,
  transitions: [{ from: 'drafted', event: 'sign', to: 'signed', by: 'party' }],
  relations: {
    party: (actor, l) => (letterPolicy.canSign(actor, l) ? null : '只有甲方或乙方领导小组办公室可以上传签订的责任书'),
  },
};
