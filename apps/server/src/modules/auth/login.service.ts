import { createHash, randomBytes } from 'node:crypto';
import type { SecuritySettings } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { AuditSubject } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { verifyNoAccount, verifyPassword } from '../../platform/auth/passwords.ts';
import { matchTotp, base32Decode } from '../../platform/auth/totp.ts';
import type { Clock } from '../../platform/clock.ts';
import { type SealKey, sealText, unsealText } from '../../platform/crypto/seal.ts';
import { AppError, unauthorized } from '../../platform/errors.ts';
import { loadSecuritySettings } from '../../platform/settings/security-settings.ts';
import { authRepository, type UserRow } from './auth.repository.ts';
import { loginParts, release, TOTP_BY_ACCOUNT, type Throttle, throttle, withDelay } from './login-throttle.ts';

export const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');
/** One text for an unknown account, a disabled one and a wrong password: the answer never tells which (issue 9). */
export const BAD_CREDENTIALS = '用户名或密码错误';
const TICKET_MS = 5 * 60_000;
const fmtTime = (d: Date) => d.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export interface LoginDeps {
  db: Db;
  clock: Clock;
  sealKey: SealKey;
  demoMode: boolean;
}
export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
}
export type LoginOutcome =
  | { kind: 'session'; token: string; userId: number; delayMs: number }
  | { kind: 'totp'; ticket: string; delayMs: number };

const lockedNotice = (until: Date) => new AppError(423, 'locked', `账户已锁定，请于${fmtTime(until)}后再试或联系管理员`);
const lockingNotice = (failures: number, s: SecuritySettings) =>
  unauthorized(`连续${failures}次登录失败，账户已锁定${s.lockout.lockMinutes}分钟`);

/**
 * The password step. Throttled per client and per account first; then the password is checked (against a dummy
 * hash for accounts that do not exist, so time tells nothing either); the lockout applies to every name tried,
 * existing or not. An account with TOTP gets a sealed 5-minute ticket instead of a session.
 */
export async function login(d: LoginDeps, input: LoginInput): Promise<LoginOutcome> {
  const t = await throttle(d.db, d.clock, loginParts(input.ip, input.username), input);
  const now = d.clock.now();
  const settings = await loadSecuritySettings(d.db, d.demoMode);
  const user = await authRepository.userByUsername(d.db, input.username);
  const who: AuditSubject = { userId: user?.id ?? null, username: input.username, ip: input.ip };

  if (!user || user.disabled) {
    await verifyNoAccount(input.password);
    throw withDelay(await failedNoAccount(d.db, user, settings, now, who), t);
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await d.db.transaction(async (tx) => {
      await authRepository.recordAttempt(tx, { username: user.username, userId: user.id, success: false, at: now, ip: input.ip });
      await recordAudit(tx, who, now, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, after: { reason: 'locked' } });
    });
    throw withDelay(lockedNotice(user.lockedUntil), t);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw withDelay(await d.db.transaction((tx) => failedPassword(tx, user, settings, now, who)), t);
  }
  await release(d.db, t);
  if (user.totpSecret) {
    await d.db.transaction((tx) =>
      recordAudit(tx, who, now, { action: 'auth.password_ok', entityType: 'user', entityId: user.id, regionCode: user.regionCode, after: { next: 'totp' } }),
    );
    const ticket = sealText(d.sealKey, JSON.stringify({ kind: 'totp', userId: user.id, exp: now.getTime() + TICKET_MS }));
    return { kind: 'totp', ticket, delayMs: t.delayMs };
  }
  const token = await openSession(d.db, user, now, who);
  return { kind: 'session', token, userId: user.id, delayMs: t.delayMs };
}

/** The second step: the ticket of the password step and a TOTP code never used before. */
export async function loginTotp(d: LoginDeps, input: { ticket: string; code: string; ip: string | null }): Promise<LoginOutcome> {
  const now = d.clock.now();
  const expired = unauthorized('动态口令验证已超时，请重新输入用户名和密码');
  let userId: number;
  try {
    const p = JSON.parse(unsealText(d.sealKey, input.ticket));
    if (p.kind !== 'totp' || typeof p.userId !== 'number' || !(p.exp > now.getTime())) throw expired;
    userId = p.userId;
  } catch {
    throw expired;
  }
  const t: Throttle = await throttle(d.db, d.clock, [{ rule: TOTP_BY_ACCOUNT, subject: String(userId) }], { username: `#${userId}`, ip: input.ip });
  const user = await authRepository.userById(d.db, userId);
  if (!user || user.disabled || !user.totpSecret || (user.lockedUntil && user.lockedUntil > now)) throw withDelay(expired, t);
  const who: AuditSubject = { userId: user.id, username: user.username, ip: input.ip };
  const step = matchTotp(base32Decode(unsealText(d.sealKey, user.totpSecret)), input.code, now.getTime());
  const accepted = step != null && (await authRepository.acceptTotpStep(d.db, user.id, step));
  if (!accepted) {
    const reason = step == null ? 'bad_totp' : 'totp_replayed';
    await d.db.transaction(async (tx) => {
      await authRepository.recordAttempt(tx, { username: user.username, userId: user.id, success: false, at: now, ip: input.ip });
      await recordAudit(tx, who, now, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, after: { reason } });
    });
    throw withDelay(unauthorized(step == null ? '动态口令不正确' : '该动态口令已使用过，请等待下一个口令'), t);
  }
  await release(d.db, t);
  const token = await openSession(d.db, user, now, who);
  return { kind: 'session', token, userId: user.id, delayMs: t.delayMs };
}

async function openSession(db: Db, user: UserRow, now: Date, who: AuditSubject): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await authRepository.recordAttempt(tx, { username: user.username, userId: user.id, success: true, at: now, ip: who.ip });
    await authRepository.updateUser(tx, user.id, { lastLoginAt: now, lockedUntil: null });
    await authRepository.createSession(tx, hashToken(token), user.id, now);
    await recordAudit(tx, who, now, { action: 'auth.login', entityType: 'user', entityId: user.id, regionCode: user.regionCode });
  });
  return token;
}

async function failedPassword(tx: Db, user: UserRow, s: SecuritySettings, now: Date, who: AuditSubject): Promise<AppError> {
  await authRepository.recordAttempt(tx, { username: user.username, userId: user.id, success: false, at: now, ip: who.ip });
  const since = new Date(now.getTime() - s.lockout.windowMinutes * 60_000);
  const failures = await authRepository.recentFailures(tx, user.username, since);
  await recordAudit(tx, who, now, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, after: { reason: 'bad_password', failures } });
  if (failures < s.lockout.maxFailures) return unauthorized(BAD_CREDENTIALS);
  const lockedUntil = new Date(now.getTime() + s.lockout.lockMinutes * 60_000);
  await authRepository.updateUser(tx, user.id, { lockedUntil });
  await recordAudit(tx, who, now, { action: 'auth.locked', entityType: 'user', entityId: user.id, after: { lockedUntil } });
  return lockingNotice(failures, s);
}

/**
 * An unknown or disabled account answers exactly like an existing one: the same text, the lockout notice at the
 * same count and the locked notice until the same moment (derived from the recorded attempts, as nothing is stored).
 */
async function failedNoAccount(db: Db, user: UserRow | null, s: SecuritySettings, now: Date, who: AuditSubject): Promise<AppError> {
  const since = new Date(now.getTime() - s.lockout.windowMinutes * 60_000);
  return db.transaction(async (tx) => {
    const before = await authRepository.recentFailures(tx, who.username, since);
    await authRepository.recordAttempt(tx, { username: who.username, userId: user?.id ?? null, success: false, at: now, ip: who.ip });
    await recordAudit(tx, who, now, { action: 'auth.login_failed', entityType: 'user', entityId: user?.id, after: { reason: user ? 'disabled' : 'unknown_user' } });
    if (before >= s.lockout.maxFailures) {
      const lockedAt = await authRepository.nthFailureAt(tx, who.username, since, s.lockout.maxFailures);
      const until = new Date((lockedAt ?? now).getTime() + s.lockout.lockMinutes * 60_000);
      if (until > now) return lockedNotice(until);
    }
    return before + 1 >= s.lockout.maxFailures ? lockingNotice(before + 1, s) : unauthorized(BAD_CREDENTIALS);
  });
}
