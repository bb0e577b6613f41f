import type { Actor, ScopeColumn } from '../../platform/access/actor.ts';
import type { CaseReach, CaseView } from './non-compliance-case.repository.ts';

/**
 * Who sees which cases (issue 12 "Who sees what"): a department (member_agency) its own agency's cases in its
 * region subtree; the group office and the leader all cases of their subtree; an enterprise its own; an
 * administrator all. Everyone else sees none (by id: 404, like a missing case).
 */
export const casePolicy = {
  reach(actor: Actor): CaseReach | null {
    const scope = actor.scope.column === 'all' ? null : { column: actor.scope.column, code: actor.scope.code };
    switch (actor.role) {
      case 'admin':
        return { scope: null, agencyId: null, enterpriseId: null };
      case 'group_office':
      case 'leader':
        return { scope, agencyId: null, enterpriseId: null };
      case 'member_agency':
        return actor.agencyId === null ? null : { scope, agencyId: actor.agencyId, enterpriseId: null };
      case 'enterprise':
        return { scope, agencyId: null, enterpriseId: actor.enterpriseId ?? -1 };
      default:
        return null;
    }
  },
  /**
   * The reach narrowed to a region subtree the caller has already checked lies in the actor's scope (a list's
   * `region` filter): the same agency and enterprise limits, the smaller subtree.
   */
  reachWithin(actor: Actor, within: { column: ScopeColumn; code: string } | null): CaseReach | null {
    const r = casePolicy.reach(actor);
    if (!r || !within) return r;
    return { ...r, scope: within.column === 'all' ? null : { column: within.column, code: within.code } };
  },
  canRead(actor: Actor, v: CaseView): boolean {
    const r = casePolicy.reach(actor);
    if (!r) return false;
    if (r.agencyId !== null && v.c.agencyId !== r.agencyId) return false;
    if (r.enterpriseId !== null && v.c.enterpriseId !== r.enterpriseId) return false;
    if (!r.scope) return true;
    const e = v.scopeCodes;
    return e[r.scope.column] === r.scope.code;
  },
};
