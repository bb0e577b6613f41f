import { type Actor, type RegionAncestry, regionInScope } from '../../platform/access/actor.ts';

export interface TaskPlace extends RegionAncestry {
  enterpriseId: number;
}

/** Who carries the exit through: group offices (and the admin) of the region or above. Townships and enterprises supply evidence. */
const WRITERS = new Set(['admin', 'group_office']);

export const exitTaskPolicy = {
  /** Officials read tasks in their subtree; an enterprise user only its own enterprise's tasks. */
  canRead(actor: Actor, t: TaskPlace): boolean {
    if (actor.role === 'enterprise') return actor.enterpriseId === t.enterpriseId;
    return regionInScope(actor, t);
  },
  canFire(actor: Actor, t: TaskPlace): boolean {
    return WRITERS.has(actor.role) && regionInScope(actor, t);
  },
  /** Evidence also comes from the township and from the enterprise itself (photos, its signed commitment). */
  canUpload(actor: Actor, t: TaskPlace): boolean {
    if (actor.role === 'enterprise') return actor.enterpriseId === t.enterpriseId;
    return (WRITERS.has(actor.role) || actor.role === 'town') && regionInScope(actor, t);
  },
  canCreateFromPlan(actor: Actor, planRegion: RegionAncestry): boolean {
    return WRITERS.has(actor.role) && regionInScope(actor, planRegion);
  },
};
