import type { Ability, RegionLevel, Role } from '@taotai/shared';

/** The region column on scoped tables that equals the actor's region code for records in scope. */
export type ScopeColumn = 'all' | 'provinceCode' | 'prefectureCode' | 'countyCode' | 'townshipCode';

export interface Actor {
  userId: number | null;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionLevel: RegionLevel;
  agencyId: number | null;
  enterpriseId: number | null;
  ip: string | null;
  abilities: ReadonlySet<Ability>;
  scope: { column: ScopeColumn; code: string };
}

/** The scope column a region filter of this level compares (a park's records carry its code as township). */
export const LEVEL_COLUMN: Record<string, Exclude<ScopeColumn, 'all'>> = {
  province: 'provinceCode',
  prefecture: 'prefectureCode',
  county: 'countyCode',
  township: 'townshipCode',
  park: 'townshipCode',
};

export function scopeColumnFor(level: RegionLevel, isCountryWide: boolean): ScopeColumn {
  if (isCountryWide) return 'all';
  switch (level) {
    case 'province':
      return 'provinceCode';
    case 'prefecture':
      return 'prefectureCode';
    case 'county':
      return 'countyCode';
    default:
      return 'townshipCode';
  }
}

/** Ancestor codes of a region (itself included), as stored on the region row and on scoped records. */
export interface RegionAncestry {
  code: string;
  provinceCode: string;
  prefectureCode: string | null;
  countyCode: string | null;
  /** The township or park itself when the region is one, else null. */
  townshipCode: string | null;
}

/** True if the region lies in the actor's subtree. */
export function regionInScope(actor: Pick<Actor, 'scope'>, r: RegionAncestry): boolean {
  const { column, code } = actor.scope;
  if (column === 'all') return true;
  return r[column] === code;
}

/**
 * The one enterprise an enterprise user is confined to (its own; -1 if the account names none, which
 * matches nothing), or null for officials, whose scope is their region. Every list and lookup that
 * returns enterprise-owned rows applies it beside the region scope (issue 9: "the enterprise user's
 * view is its own enterprise on every route").
 */
export function confinedEnterprise(actor: Pick<Actor, 'role' | 'enterpriseId'>): number | null {
  return actor.role === 'enterprise' ? (actor.enterpriseId ?? -1) : null;
}

/**
 * The platform itself as the actor of a transition no person fires (a sweep's automatic resolution, a job):
 * no user id, no abilities, country-wide. Machines admit it only through a relation that asks for it.
 */
export function systemActor(name: string, displayName: string): Actor {
  return {
    userId: null,
    username: name,
    displayName,
    role: 'admin',
    regionCode: '000000',
    regionLevel: 'province',
    agencyId: null,
    enterpriseId: null,
    ip: null,
    abilities: new Set(),
    scope: { column: 'all', code: '000000' },
  };
}

/** The relation of a machine's automatic rows: only the platform (no user) fires them. */
export const isSystemActor = (actor: Actor): boolean => actor.userId === null && actor.abilities.size === 0;
