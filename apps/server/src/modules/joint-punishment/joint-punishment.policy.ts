import type { Actor, RegionAncestry } from '../../platform/access/actor.ts';
import { regionInScope } from '../../platform/access/actor.ts';
import type { EntryRow, EntryScope } from './joint-punishment.repository.ts';

/** Everyone of the region's subtree reads the list (each department applies its restrictions); an enterprise its own entries. */
export function entryScope(actor: Actor): EntryScope {
  return { column: actor.scope.column, code: actor.scope.code, enterpriseId: actor.role === 'enterprise' ? (actor.enterpriseId ?? -1) : null };
}

export const placeOf = (e: Pick<EntryRow, 'regionCode' | 'provinceCode' | 'prefectureCode' | 'countyCode' | 'townshipCode'>): RegionAncestry => ({
  code: e.regionCode,
  provinceCode: e.provinceCode,
  prefectureCode: e.prefectureCode,
  countyCode: e.countyCode,
  townshipCode: e.townshipCode,
});

export function mayRead(actor: Actor, e: EntryRow): boolean {
  if (actor.role === 'enterprise') return actor.enterpriseId === e.enterpriseId;
  return regionInScope(actor, placeOf(e));
}

/** The office lists (002 §三(八): the office and 发改 put violators on the credit platform's list). */
export const listRefusal = (actor: Actor): string | null =>
  actor.role === 'group_office' || actor.role === 'admin' ? null : '只有领导小组办公室可以列入联合惩戒名单';

/** Each member department records the restriction it applied (002 §三(八)). */
export const restrictRefusal = (actor: Actor): string | null =>
  actor.role === 'member_agency' && actor.agencyId !== null ? null : '由成员单位记录本部门实施的惩戒措施';
