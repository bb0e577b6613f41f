import type { DecompositionMode } from '@taotai/shared';
import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope } from '../../platform/access/actor.ts';
import { ancestryOf, type RegionRow } from '../region/index.ts';

/** Levels that hold targets: each has a leading group whose office runs the year. */
export const TARGET_LEVELS = ['province', 'prefecture', 'county'];

/** Above county a target goes to the regions below; a county names enterprises and their lines. */
export const decompositionModeOf = (level: string): DecompositionMode => (level === 'county' ? 'lines' : 'regions');

export const targetPolicy = {
  /** Offices, departments, leaders and auditors read targets in their subtree; enterprises do not. */
  canReadRegion(actor: Actor, r: RegionRow): boolean {
    return actor.role !== 'enterprise' && regionInScope(actor, ancestryOf(r));
  },
  /** The region's own leading-group office (or an administrator) enters and decomposes its targets. */
  isOfficeOf(actor: Actor, regionCode: string): boolean {
    return actor.role === 'admin' || (actor.role === 'group_office' && actor.regionCode === regionCode);
  },
  abilities(actor: Actor, t: { regionCode: string; parentTargetId: number | null }, decomposedFurther: boolean) {
    const office = targetPolicy.isOfficeOf(actor, t.regionCode);
    // A received target belongs to the region above: only that office changes it, through its decomposition.
    const own = office && t.parentTargetId === null;
    return { update: own, delete: own && !decomposedFurther, decompose: office };
  },
};
