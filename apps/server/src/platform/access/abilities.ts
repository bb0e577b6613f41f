import type { Ability, Role } from '@taotai/shared';

/** What each role may do, before scope narrows it to records. The UI receives this set. */
export const ROLE_ABILITIES: Record<Role, readonly Ability[]> = {
  admin: [
    'enterprise:read',
    'enterprise:write',
    'enterprise:import',
    'enterprise:export',
    'catalogue:manage',
    'audit:read',
    'user:manage',
    'settings:manage',
  ],
  auditor: ['enterprise:read', 'audit:read'],
  // Reads the whole audit log, entries without a region included (ADR 0009).
  national_auditor: ['enterprise:read', 'audit:read'],
  group_office: ['enterprise:read', 'enterprise:write', 'enterprise:import', 'enterprise:export', 'user:manage'],
  member_agency: ['enterprise:read', 'enterprise:write', 'enterprise:import', 'enterprise:export'],
  town: ['enterprise:read', 'enterprise:write', 'enterprise:import', 'enterprise:export'],
  enterprise: ['enterprise:read'],
  leader: ['enterprise:read', 'enterprise:export'],
  // Reveals sealed identities (issue 13); handles nothing, so it reads no registry.
  identity_custodian: [],
};

/** Province-level group offices maintain the industry and basis catalogues for everyone. */
export function abilitiesFor(role: Role, regionLevel: string): Set<Ability> {
  const set = new Set<Ability>(ROLE_ABILITIES[role]);
  if (role === 'group_office' && regionLevel === 'province') set.add('catalogue:manage');
  return set;
}
