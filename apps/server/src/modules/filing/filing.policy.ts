import type { Actor } from '../../platform/access/actor.ts';
import type { FilerIdentity, RequirementRow, TargetRow } from './requirement.repository.ts';

export type RequirementRelation = 'issuer' | 'filer' | 'overseer';

/**
 * Roles that oversee the requirements issued below them (read-only unless it is their own office).
 * "Below" follows the reporting relation: 郑州 does not oversee 巩义, which reports to the province.
 */
export const OVERSEER_ROLES = new Set(['admin', 'auditor', 'national_auditor', 'leader', 'group_office']);

export const filingPolicy = {
  /** The unit an account files for: its region (office, town/park) or its agency (member agency). */
  filerIdentity(actor: Actor): FilerIdentity {
    if (actor.role === 'member_agency') return { regionCode: null, agencyId: actor.agencyId ?? -1 };
    if (actor.role === 'group_office' || actor.role === 'town') return { regionCode: actor.regionCode, agencyId: null };
    return { regionCode: null, agencyId: null };
  },
  /** True if the account files for this target. */
  filesFor(actor: Actor, t: Pick<TargetRow, 'regionCode' | 'agencyId'>): boolean {
    const who = filingPolicy.filerIdentity(actor);
    if (t.agencyId !== null) return who.agencyId === t.agencyId;
    return who.regionCode !== null && who.regionCode === t.regionCode;
  },
  isIssuer(actor: Actor, req: Pick<RequirementRow, 'issuerRegionCode'>): boolean {
    return actor.role === 'group_office' && actor.regionCode === req.issuerRegionCode;
  },
  /**
   * How the actor relates to a requirement; null answers 404. The issuing office acts on it, the
   * addressed unit files, and offices/leaders/auditors above the issuer read it.
   */
  relation(actor: Actor, req: RequirementRow, issuerReportsToActor: boolean, myTarget: TargetRow | null): RequirementRelation | null {
    if (filingPolicy.isIssuer(actor, req)) return 'issuer';
    if (myTarget) return 'filer';
    if (filingPolicy.oversees(actor, issuerReportsToActor)) return 'overseer';
    return null;
  },
  /** `regionReportsToActor`: the region is the actor's own or reports up to it. */
  oversees(actor: Actor, regionReportsToActor: boolean): boolean {
    return OVERSEER_ROLES.has(actor.role) && (actor.scope.column === 'all' || regionReportsToActor);
  },
};
