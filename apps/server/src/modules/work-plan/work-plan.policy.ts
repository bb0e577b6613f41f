import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope } from '../../platform/access/actor.ts';
import { ancestryOf, type RegionRow } from '../region/index.ts';

/**
 * Plans are read by everyone in the plan region's subtree and by the levels below it that follow it
 * (an upper plan is what a lower level copies and works to); only the region's own group office edits.
 */
export const workPlanPolicy = {
  canRead(actor: Actor, planRegion: RegionRow, actorChain: string[]): boolean {
    return regionInScope(actor, ancestryOf(planRegion)) || actorChain.includes(planRegion.code);
  },
  canWrite(actor: Actor, planRegionCode: string): boolean {
    return actor.role === 'group_office' && actor.regionCode === planRegionCode;
  },
};
