import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.ts';
import { testActor } from '../../platform/access/test-actor.ts';
import { isAnnouncementDrafter } from './announcement.machine.ts';

const actor = (over: Partial<Actor>): Actor => testActor({ userId: 7, role: 'member_agency', agencyId: 31, ...over });

describe('who drafts a department list (issue 12)', () => {
  it('a department drafts only its own ground’s list of its own region; the office drafts every list', () => {
    expect(isAnnouncementDrafter(actor({}), '410181', [31, 32])).toBe(true);
    expect(isAnnouncementDrafter(actor({ agencyId: 40 }), '410181', [31, 32])).toBe(false);
    expect(isAnnouncementDrafter(actor({ regionCode: '410182' }), '410181', [31])).toBe(false);
    // The office's own kinds carry no drafting agencies: a department never drafts them.
    expect(isAnnouncementDrafter(actor({}), '410181', null)).toBe(false);
    expect(isAnnouncementDrafter(actor({ role: 'group_office', agencyId: null }), '410181', [31])).toBe(true);
  });
});
