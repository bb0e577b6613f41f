import { type Actor, type RegionAncestry, regionInScope } from '../../platform/access/actor.ts';

/** Group offices (and the admin) organise inspections, like they carry exit tasks through. */
const WRITERS = new Set(['admin', 'group_office']);

export const inspectionPolicy = {
  /** Officials of the round's region or above read it (member agencies sit on the team); enterprises never. */
  canRead(actor: Actor, roundRegion: RegionAncestry): boolean {
    return actor.role !== 'enterprise' && regionInScope(actor, roundRegion);
  },
  canWrite(actor: Actor, roundRegion: RegionAncestry): boolean {
    return WRITERS.has(actor.role) && regionInScope(actor, roundRegion);
  },
  /** A round is organised by the office of its own region (the admin may name any region). */
  canCreateFor(actor: Actor, regionCode: string): boolean {
    return actor.role === 'admin' || (actor.role === 'group_office' && actor.regionCode === regionCode);
  },
};
