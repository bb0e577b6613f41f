import type { Actor, RegionAncestry, ScopeColumn } from '../../platform/access/actor.ts';
import { regionInScope } from '../../platform/access/actor.ts';
import type { EnterpriseRow } from './enterprise.repository.ts';

/** Which enterprises a list may return: the actor's subtree, narrowed to one enterprise for enterprise users. */
export interface EnterpriseListScope {
  column: ScopeColumn;
  code: string;
  /** Set for enterprise users; 0 (no such id) when such a user has no enterprise linked. */
  enterpriseId: number | null;
}

const ancestryOfEnterprise = (e: EnterpriseRow): RegionAncestry => ({
  code: e.regionCode,
  provinceCode: e.provinceCode,
  prefectureCode: e.prefectureCode,
  countyCode: e.countyCode,
  townshipCode: e.townshipCode,
});

export const enterprisePolicy = {
  listScope(actor: Actor): EnterpriseListScope {
    return {
      column: actor.scope.column,
      code: actor.scope.code,
      enterpriseId: actor.role === 'enterprise' ? (actor.enterpriseId ?? 0) : null,
    };
  },
  /** False answers 404 to the caller: out of scope looks the same as absent. */
  canRead(actor: Actor, e: EnterpriseRow): boolean {
    if (actor.role === 'enterprise' && actor.enterpriseId !== e.id) return false;
    return regionInScope(actor, ancestryOfEnterprise(e));
  },
  /** Leaders, auditors and enterprise users read only (no enterprise:write ability). */
  canWrite(actor: Actor, e: EnterpriseRow): boolean {
    return enterprisePolicy.canRead(actor, e) && actor.abilities.has('enterprise:write');
  },
  canCreate(actor: Actor): boolean {
    return actor.abilities.has('enterprise:write') && actor.role !== 'enterprise';
  },
  /** What the UI may offer on this record. */
  abilities(actor: Actor, e: EnterpriseRow): { update: boolean; addLine: boolean } {
    const write = enterprisePolicy.canWrite(actor, e);
    return { update: write, addLine: write };
  },
};
