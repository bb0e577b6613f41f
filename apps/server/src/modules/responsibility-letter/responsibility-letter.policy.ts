import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope } from '../../platform/access/actor.ts';
import { ancestryOf, type RegionRow } from '../region/index.ts';
import type { LetterRow } from './responsibility-letter.repository.ts';

/** The regions a letter touches: 甲方's, and where 乙方 sits (the child region, or the enterprise's township). */
export interface LetterRegions {
  partyA: RegionRow;
  partyBScope: RegionRow;
}

const isOffice = (actor: Actor, code: string) => actor.role === 'admin' || (actor.role === 'group_office' && actor.regionCode === code);

export const letterPolicy = {
  /** Either party's side reads it (offices, departments, leaders, auditors); an enterprise only its own. */
  canRead(actor: Actor, l: LetterRow, r: LetterRegions): boolean {
    if (actor.role === 'enterprise') return l.partyBEnterpriseId !== null && l.partyBEnterpriseId === actor.enterpriseId;
    return regionInScope(actor, ancestryOf(r.partyA)) || regionInScope(actor, ancestryOf(r.partyBScope));
  },
  /** 甲方's office drafts, edits and deletes the letter. */
  canDraft(actor: Actor, l: Pick<LetterRow, 'partyARegionCode'>): boolean {
    return isOffice(actor, l.partyARegionCode);
  },
  /** The signed scan is filed by 甲方's office, or by 乙方's office when 乙方 is a region. */
  canSign(actor: Actor, l: LetterRow): boolean {
    return isOffice(actor, l.partyARegionCode) || (l.partyBRegionCode !== null && isOffice(actor, l.partyBRegionCode));
  },
  abilities(actor: Actor, l: LetterRow) {
    const drafted = l.status === 'drafted';
    const draft = drafted && letterPolicy.canDraft(actor, l);
    return { update: draft, delete: draft, sign: drafted && letterPolicy.canSign(actor, l) };
  },
};
