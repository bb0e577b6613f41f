import type { Me } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { passwordExpired, passwordProblems } from '../../platform/auth/password-policy.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import type { Clock } from '../../platform/clock.ts';
import { invalid } from '../../platform/errors.ts';
import { loadSecuritySettings } from '../../platform/settings/security-settings.ts';
import { regionRepository } from '../region/index.ts';
import { actorForUser } from './actor-factory.ts';
import { authRepository } from './auth.repository.ts';
import { hashToken } from './login.service.ts';

export interface ResolvedSession {
  actor: Actor;
  mustChangePassword: boolean;
  /** An administrator without TOTP while the setting requires it: only enrolment is open. */
  mustEnrolTotp: boolean;
  totpEnabled: boolean;
}

/**
 * Session cookie → actor. A session ends after the idle timeout, and in any case `sessionMaxHours` after login
 * (issue 9: an absolute lifetime, so a stolen cookie kept busy does not live for ever).
 */
export async function resolveSession(
  db: Db,
  clock: Clock,
  token: string,
  ip: string | null,
  demoMode: boolean,
): Promise<ResolvedSession | null> {
  const now = clock.now();
  const tokenHash = hashToken(token);
  const found = await authRepository.sessionWithUser(db, tokenHash);
  if (!found || found.s.revokedAt || found.u.disabled) return null;
  const settings = await loadSecuritySettings(db, demoMode);
  const idle = now.getTime() - found.s.lastSeenAt.getTime() > settings.idleTimeoutMinutes * 60_000;
  const tooOld = now.getTime() - found.s.createdAt.getTime() > settings.sessionMaxHours * 3_600_000;
  if (idle || tooOld) {
    await authRepository.revokeSession(db, tokenHash, now);
    return null;
  }
  // Writing on every request would double the load; a minute's resolution is enough for idle timeouts.
  if (now.getTime() - found.s.lastSeenAt.getTime() > 60_000) await authRepository.touchSession(db, tokenHash, now);
  const mustChangePassword =
    found.u.mustChangePassword || (!demoMode && passwordExpired(found.u.passwordChangedAt, now, settings.passwordPolicy));
  const totpEnabled = found.u.totpSecret != null;
  const mustEnrolTotp = settings.adminTotpRequired && found.u.role === 'admin' && !totpEnabled;
  return { actor: await actorForUser(db, found.u, ip), mustChangePassword, mustEnrolTotp, totpEnabled };
}

export async function logout(db: Db, clock: Clock, actor: Actor, token: string): Promise<void> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    await authRepository.revokeSession(tx, hashToken(token), now);
    await recordAudit(tx, actor, now, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

export type SessionFlags = Pick<ResolvedSession, 'mustChangePassword' | 'mustEnrolTotp' | 'totpEnabled'>;

export async function me(db: Db, actor: Actor, flags: SessionFlags): Promise<Me> {
  const region = await regionRepository.byCode(db, actor.regionCode);
  return {
    id: actor.userId!,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    regionCode: actor.regionCode,
    regionName: region?.fullName ?? '全国',
    agencyId: actor.agencyId,
    agencyName: await authRepository.agencyName(db, actor.agencyId),
    enterpriseId: actor.enterpriseId,
    mustChangePassword: flags.mustChangePassword,
    totpEnabled: flags.totpEnabled,
    mustEnrolTotp: flags.mustEnrolTotp,
    abilities: [...actor.abilities],
  };
}

export async function changePassword(db: Db, clock: Clock, actor: Actor, oldPassword: string, newPassword: string): Promise<void> {
  const now = clock.now();
  const user = await authRepository.userById(db, actor.userId!);
  if (!user || !(await verifyPassword(user.passwordHash, oldPassword))) {
    throw invalid('原密码不正确', [{ path: 'oldPassword', message: '原密码不正确' }]);
  }
  const settings = await loadSecuritySettings(db);
  const problems = passwordProblems(newPassword, settings.passwordPolicy, user.username);
  if (oldPassword === newPassword) problems.push('新密码不能与原密码相同');
  if (problems.length) throw invalid(`新密码不符合要求：${problems.join('；')}`, [{ path: 'newPassword', message: problems.join('；') }]);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await authRepository.updateUser(tx, user.id, { passwordHash, passwordChangedAt: now, mustChangePassword: false });
    await recordAudit(tx, actor, now, { action: 'auth.password_changed', entityType: 'user', entityId: user.id });
  });
}
