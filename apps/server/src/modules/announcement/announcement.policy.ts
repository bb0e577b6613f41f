import type { AnnouncementEvent, AnnouncementStatus } from '@taotai/shared';
import { type Actor, regionInScope } from '../../platform/access/actor.ts';
import { ancestryOf, type RegionRow } from '../region/index.ts';
import { EVENT_ACTOR, nextStatus } from './announcement.machine.ts';

/** Levels with a leading-group office that issues announcements. */
export const ANNOUNCEMENT_LEVELS = ['province', 'prefecture', 'county'];

export const announcementPolicy = {
  /** Officials in the region's subtree read the office view; enterprises read only the public site. */
  canRead(actor: Actor, r: RegionRow): boolean {
    return actor.role !== 'enterprise' && regionInScope(actor, ancestryOf(r));
  },
  /** The issuing region's own office builds, edits and submits, and answers objections. */
  isDrafter(actor: Actor, regionCode: string): boolean {
    return actor.role === 'admin' || (actor.role === 'group_office' && actor.regionCode === regionCode);
  },
  /** A group office at the issuing region or above approves, returns, publishes and archives. */
  isApprover(actor: Actor, r: RegionRow): boolean {
    return actor.role === 'admin' || (actor.role === 'group_office' && regionInScope(actor, ancestryOf(r)));
  },
  mayFire(actor: Actor, r: RegionRow, event: AnnouncementEvent): boolean {
    return EVENT_ACTOR[event] === 'drafter' ? announcementPolicy.isDrafter(actor, r.code) : announcementPolicy.isApprover(actor, r);
  },
  abilities(actor: Actor, r: RegionRow, status: AnnouncementStatus) {
    const can = (e: AnnouncementEvent) => nextStatus(status, e) !== null && announcementPolicy.mayFire(actor, r, e);
    return {
      update: status === 'draft' && announcementPolicy.isDrafter(actor, r.code),
      submit: can('submit'),
      return: can('return'),
      approve: can('approve'),
      publish: can('publish'),
      archive: can('archive'),
      answerObjections: (status === 'published' || status === 'archived') && announcementPolicy.isDrafter(actor, r.code),
    };
  },
};
