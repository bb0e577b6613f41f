import { createHash, randomBytes } from 'node:crypto';
import type { Me, SecuritySettings } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { passwordExpired, passwordProblems } from '../../platform/auth/password-policy.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, invalid, unauthorized } from '../../platform/errors.ts';
import { loadSecuritySettings } from '../../platform/settings/security-settings.ts';
import { regionRepository } from '../region/index.ts';
import { actorForUser } from './actor-factory.ts';
import { authRepository, type UserRow } from './auth.repository.ts';

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');
const BAD_CREDENTIALS = '用户名或密码错误';
const fmtTime = (d: Date) => d.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
}

/** Checks the password, applies the lockout, opens a session; every outcome is audited. */
export async function login(db: Db, clock: Clock, input: LoginInput): Promise<{ token: string; userId: number }> {
  const now = clock.now();
  const settings = await loadSecuritySettings(db);
  const user = await authRepository.userByUsername(db, input.username);
  const who = { userId: user?.id ?? null, username: input.username, ip: input.ip };

  if (!user || user.disabled) {
    await db.transaction(async (tx) => {
      await authRepository.recordAttempt(tx, { username: input.username, userId: user?.id ?? null, success: false, at: now, ip: input.ip });
      await recordAudit(tx, who, now, { action: 'auth.login_failed', entityType: 'user', entityId: user?.id, after: { reason: user ? 'disabled' : 'unknown_user' } });
    });
    throw unauthorized(BAD_CREDENTIALS);
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await db.transaction(async (tx) => {
      await authRepository.recordAttempt(tx, { username: user.username, userId: user.id, success: false, at: now, ip: input.ip });
      await recordAudit(tx, who, now, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, after: { reason: 'locked' } });
    });
    throw new AppError(423, 'locked', `账户已锁定，请于${fmtTime(user.lockedUntil)}后再试或联系管理员`);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const message = await db.transaction(async (tx) => failedPassword(tx, user, settings, now, who));
    throw unauthorized(message);
  }
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await authRepository.recordAttempt(tx, { username: user.username, userId: user.id, success: true, at: now, ip: input.ip });
    await authRepository.updateUser(tx, user.id, { lastLoginAt: now, lockedUntil: null });
    await authRepository.createSession(tx, hashToken(token), user.id, now);
    await recordAudit(tx, who, now, { action: 'auth.login', entityType: 'user', entityId: user.id, regionCode: user.regionCode });
  });
  return { token, userId: user.id };
}

async function failedPassword(
  tx: Db,
  user: UserRow,
  s: SecuritySettings,
  now: Date,
  who: { userId: number | null; username: string; ip: string | null },
): Promise<string> {
  await authRepository.recordAttempt(tx, { username: user.username, userId: user.id, success: false, at: now, ip: who.ip });
  const since = new Date(now.getTime() - s.lockout.windowMinutes * 60_000);
  const failures = await authRepository.recentFailures(tx, user.username, since);
  await recordAudit(tx, who, now, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, after: { reason: 'bad_password', failures } });
  if (failures >= s.lockout.maxFailures) {
    const lockedUntil = new Date(now.getTime() + s.lockout.lockMinutes * 60_000);
    await authRepository.updateUser(tx, user.id, { lockedUntil });
    await recordAudit(tx, who, now, { action: 'auth.locked', entityType: 'user', entityId: user.id, after: { lockedUntil } });
    return `连续${failures}次密码错误，账户已锁定${s.lockout.lockMinutes}分钟`;
  }
  return `${BAD_CREDENTIALS}，再失败${s.lockout.maxFailures - failures}次将锁定账户`;
}

export interface ResolvedSession {
  actor: Actor;
  mustChangePassword: boolean;
}

/** Session cookie → actor; expires after the idle timeout. */
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
  const settings = await loadSecuritySettings(db);
  if (now.getTime() - found.s.lastSeenAt.getTime() > settings.idleTimeoutMinutes * 60_000) {
    await authRepository.revokeSession(db, tokenHash, now);
    return null;
  }
  // Writing on every request would double the load; a minute's resolution is enough for idle timeouts.
  if (now.getTime() - found.s.lastSeenAt.getTime() > 60_000) await authRepository.touchSession(db, tokenHash, now);
  const mustChangePassword =
    found.u.mustChangePassword || (!demoMode && passwordExpired(found.u.passwordChangedAt, now, settings.passwordPolicy));
  return { actor: await actorForUser(db, found.u, ip), mustChangePassword };
}

export async function logout(db: Db, clock: Clock, actor: Actor, token: string): Promise<void> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    await authRepository.revokeSession(tx, hashToken(token), now);
    await recordAudit(tx, actor, now, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

export async function me(db: Db, actor: Actor, mustChangePassword: boolean): Promise<Me> {
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
    mustChangePassword,
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
