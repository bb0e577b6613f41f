import type { TotpEnrolment } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { base32Decode, matchTotp, newTotpSecret, otpauthUri } from '../../platform/auth/totp.ts';
import type { Clock } from '../../platform/clock.ts';
import { type SealKey, sealText, unsealText } from '../../platform/crypto/seal.ts';
import { conflict, forbidden, invalid } from '../../platform/errors.ts';
import { loadSecuritySettings } from '../../platform/settings/security-settings.ts';
import { authRepository, type UserRow } from './auth.repository.ts';

/** What an authenticator app shows above the code. */
export const TOTP_ISSUER = '落后产能退出平台';
const badCode = () => invalid('动态口令不正确，请核对手机上的6位数字（注意手机时间须准确）', [{ path: 'code', message: '动态口令不正确' }]);

export interface TotpDeps {
  db: Db;
  clock: Clock;
  sealKey: SealKey;
  demoMode: boolean;
}

async function self(db: Db, actor: Actor): Promise<UserRow> {
  const user = await authRepository.userById(db, actor.userId!);
  if (!user) throw forbidden();
  return user;
}

/**
 * Enrolment, step 1: a new secret, kept sealed as pending until a code from it is confirmed. Enrolling again
 * before confirming replaces the pending secret; an enabled second factor must be switched off first.
 */
export async function startTotpEnrolment(d: TotpDeps, actor: Actor): Promise<TotpEnrolment> {
  const user = await self(d.db, actor);
  if (user.totpSecret) throw conflict('已启用动态口令；如需更换手机，请先停用再重新绑定');
  const secret = newTotpSecret();
  const now = d.clock.now();
  await d.db.transaction(async (tx) => {
    await authRepository.updateUser(tx, user.id, { totpPendingSecret: sealText(d.sealKey, secret) });
    await recordAudit(tx, actor, now, { action: 'auth.totp_enrolment_started', entityType: 'user', entityId: user.id });
  });
  return { secret, otpauthUri: otpauthUri(TOTP_ISSUER, user.username, secret) };
}

/** Enrolment, step 2: one code from the app proves it holds the secret; the step is used up. */
export async function confirmTotpEnrolment(d: TotpDeps, actor: Actor, code: string): Promise<void> {
  const user = await self(d.db, actor);
  if (user.totpSecret) throw conflict('已启用动态口令');
  if (!user.totpPendingSecret) throw invalid('请先生成动态口令密钥', [{ path: 'code', message: '请先生成动态口令密钥' }]);
  const secret = unsealText(d.sealKey, user.totpPendingSecret);
  const now = d.clock.now();
  const step = matchTotp(base32Decode(secret), code, now.getTime());
  if (step == null) throw badCode();
  await d.db.transaction(async (tx) => {
    await authRepository.updateUser(tx, user.id, { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step });
    await recordAudit(tx, actor, now, { action: 'auth.totp_enabled', entityType: 'user', entityId: user.id, regionCode: user.regionCode });
  });
}

/** Switching off needs a current code, and is refused to administrators while the setting requires TOTP. */
export async function disableTotp(d: TotpDeps, actor: Actor, code: string): Promise<void> {
  const user = await self(d.db, actor);
  if (!user.totpSecret) throw conflict('尚未启用动态口令');
  const settings = await loadSecuritySettings(d.db, d.demoMode);
  if (settings.adminTotpRequired && user.role === 'admin') throw forbidden('系统要求管理员启用动态口令，不能停用');
  const now = d.clock.now();
  const step = matchTotp(base32Decode(unsealText(d.sealKey, user.totpSecret)), code, now.getTime());
  if (step == null) throw badCode();
  await d.db.transaction(async (tx) => {
    if (!(await authRepository.acceptTotpStep(tx, user.id, step))) throw invalid('该动态口令已使用过，请等待下一个口令', [{ path: 'code', message: '口令已使用过' }]);
    await authRepository.updateUser(tx, user.id, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null });
    await recordAudit(tx, actor, now, { action: 'auth.totp_disabled', entityType: 'user', entityId: user.id, regionCode: user.regionCode });
  });
}
