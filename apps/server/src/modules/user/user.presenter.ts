import type { Role, User } from '@taotai/shared';
import type { UserListRow } from './user.repository.ts';

/** Row → API user. Never includes the password hash; country-wide accounts read 全国. */
export const presentUser = ({ u, regionName, agencyName }: UserListRow): User => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role as Role,
  regionCode: u.regionCode,
  regionName: regionName ?? '全国',
  agencyId: u.agencyId,
  agencyName,
  enterpriseId: u.enterpriseId,
  disabled: u.disabled,
  lockedUntil: u.lockedUntil?.toISOString() ?? null,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
});

/** What the audit log keeps of an account: enough to see who changed what, never the hash. */
export const auditView = (u: {
  username: string;
  displayName: string;
  role: string;
  regionCode: string;
  agencyId: number | null;
  enterpriseId: number | null;
  disabled: boolean;
}) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  regionCode: u.regionCode,
  agencyId: u.agencyId,
  enterpriseId: u.enterpriseId,
  disabled: u.disabled,
});
