import type { AnnouncementEvent, AnnouncementStatus } from '@taotai/shared';

/**
 * The announcement's flow as a table: the issuing region's office builds a draft and submits it, the
 * group office approves it or returns it (from submitted or approved) to draft with a reason, an approved
 * one is published, and a published one is archived — automatically when a newer list of the same region
 * and kind is published, or by hand.
 */
export const ANNOUNCEMENT_TRANSITIONS: Readonly<Record<AnnouncementStatus, Readonly<Partial<Record<AnnouncementEvent, AnnouncementStatus>>>>> = {
  draft: { submit: 'submitted' },
  submitted: { approve: 'approved', return: 'draft' },
  approved: { publish: 'published', return: 'draft' },
  published: { archive: 'archived' },
  archived: {},
};

/** Who fires an event: the issuing region's own office, or a group office at that region or above. */
export const EVENT_ACTOR: Readonly<Record<AnnouncementEvent, 'drafter' | 'approver'>> = {
  submit: 'drafter',
  return: 'approver',
  approve: 'approver',
  publish: 'approver',
  archive: 'approver',
};

export function nextStatus(from: AnnouncementStatus, event: AnnouncementEvent): AnnouncementStatus | null {
  return ANNOUNCEMENT_TRANSITIONS[from][event] ?? null;
}

/** Published lists are on the public site; archived ones stay there under 往期. */
export const PUBLIC_STATUSES: readonly AnnouncementStatus[] = ['published', 'archived'];
