import type { Role } from '@taotai/shared';
import type { Actor, RegionAncestry } from '../../platform/access/actor.ts';
import { regionInScope } from '../../platform/access/actor.ts';

/** The pseudo-region of country-wide accounts (admins); it has no row in the region table. */
export const COUNTRY_CODE = '100000';

/**
 * Roles only an admin may hand out or manage: an office that could create or reset an auditor
 * or an admin could also silence whoever checks it.
 */
const ADMIN_ONLY_ROLES: readonly Role[] = ['admin', 'auditor', 'national_auditor'];

export const userPolicy = {
  /** May the actor create or manage accounts of this role at all (before scope)? */
  canHandleRole(actor: Actor, role: Role): boolean {
    if (actor.role === 'admin') return true;
    return actor.role === 'group_office' && !ADMIN_ONLY_ROLES.includes(role);
  },
  /**
   * Is an account whose region has this ancestry visible to the actor? Country-wide accounts
   * (ancestry null: the region row does not exist) are visible to admins only.
   */
  canSee(actor: Actor, ancestry: RegionAncestry | null): boolean {
    if (actor.scope.column === 'all') return true;
    return ancestry !== null && regionInScope(actor, ancestry);
  },
};
