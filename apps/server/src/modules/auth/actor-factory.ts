import type { RegionLevel, Role } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { scopeColumnFor } from '../../platform/access/actor.ts';
import { abilitiesFor } from '../../platform/access/abilities.ts';
import { regionRepository } from '../region/index.ts';
import type { UserRow } from './auth.repository.ts';

/** A user's actor: role abilities and the region subtree (admins and national auditors see the whole country). */
export async function actorForUser(db: Db, u: UserRow, ip: string | null): Promise<Actor> {
  const region = await regionRepository.byCode(db, u.regionCode);
  const level = (region?.level ?? 'township') as RegionLevel;
  const role = u.role as Role;
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role,
    regionCode: u.regionCode,
    regionLevel: level,
    agencyId: u.agencyId,
    enterpriseId: u.enterpriseId,
    ip,
    abilities: abilitiesFor(role, level),
    scope: { column: scopeColumnFor(level, role === 'admin' || role === 'national_auditor'), code: u.regionCode },
  };
}
