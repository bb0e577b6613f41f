import type { AnnouncementStatus } from '@taotai/shared';
import { type Actor, regionInScope } from '../../platform/access/actor.ts';
import { availableEvents } from '../../platform/lifecycle/index.ts';
import { ancestryOf, type RegionRow } from '../region/index.ts';
import { type AnnouncementRecord, announcementMachine, isAnnouncementDrafter } from './announcement.machine.ts';

/** Levels with a leading-group office that issues announcements. */
export const ANNOUNCEMENT_LEVELS = ['province', 'prefecture', 'county'];

export const announcementPolicy = {
  /** Officials in the region's subtree read the office view; enterprises read only the public site. */
  canRead(actor: Actor, r: RegionRow): boolean {
    return actor.role !== 'enterprise' && regionInScope(actor, ancestryOf(r));
  },
  /** The issuing region's own office builds, edits and submits, and answers objections. */
  isDrafter(actor: Actor, regionCode: string, draftingAgencyIds?: readonly number[] | null): boolean {
    return isAnnouncementDrafter(actor, regionCode, draftingAgencyIds);
  },
  /** The machine's events this actor may fire now; the transition booleans are derived from them for the web app. */
  abilities(actor: Actor, a: AnnouncementRecord, status: AnnouncementStatus) {
    const events = availableEvents(announcementMachine, actor, a, status);
    return {
      availableEvents: events,
      abilities: {
        update: status === 'draft' && announcementPolicy.isDrafter(actor, a.region.code, a.draftingAgencyIds),
        submit: events.includes('submit'),
        return: events.includes('return'),
        approve: events.includes('approve'),
        publish: events.includes('publish'),
        archive: events.includes('archive'),
        answerObjections: (status === 'published' || status === 'archived') && announcementPolicy.isDrafter(actor, a.region.code),
      },
    };
  },
};
