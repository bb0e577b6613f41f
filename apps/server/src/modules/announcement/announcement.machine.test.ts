import { ANNOUNCEMENT_EVENTS, ANNOUNCEMENT_STATUSES, type AnnouncementEvent, type AnnouncementStatus } from '@taotai/shared';
import { describe, expect, it } from 'vitest';
import { nextStatus } from './announcement.machine.ts';

/** Every (state, event) pair written out: it leads somewhere or is refused. */
const EXPECTED: Record<AnnouncementStatus, Partial<Record<AnnouncementEvent, AnnouncementStatus>>> = {
  draft: { submit: 'submitted' },
  submitted: { approve: 'approved', return: 'draft' },
  approved: { publish: 'published', return: 'draft' },
  published: { archive: 'archived' },
  archived: {},
};

describe('announcement transition table', () => {
  for (const from of ANNOUNCEMENT_STATUSES) {
    for (const event of ANNOUNCEMENT_EVENTS) {
      const to = EXPECTED[from][event] ?? null;
      it(`${from} + ${event} → ${to ?? 'refused'}`, () => expect(nextStatus(from, event)).toBe(to));
    }
  }
});
