import { z } from 'zod';
import { ROLES } from '../enums.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名'),
  password: z.string().min(1, '请输入密码'),
});
export const ChangePasswordBody = z.object({
  oldPassword: z.string().min(1, '请输入原密码'),
  newPassword: z.string().min(1, '请输入新密码'),
});

export const Me = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regionCode: z.string(),
  regionName: z.string(),
  agencyId: z.number().int().nullable(),
  agencyName: z.string().nullable(),
  enterpriseId: z.number().int().nullable(),
  mustChangePassword: z.boolean(),
  /** The account has a confirmed TOTP second factor. */
  totpEnabled: z.boolean(),
  /** An administrator who must enrol TOTP before anything else (setting 管理员必须启用动态口令). */
  mustEnrolTotp: z.boolean(),
  abilities: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;

export const PasswordPolicy = z.object({
  minLength: z.number().int().min(6).max(64),
  requiredClasses: z.number().int().min(1).max(4),
  rotationDays: z.number().int().min(0).max(3650),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;

export const SecuritySettings = z.object({
  passwordPolicy: PasswordPolicy,
  lockout: z.object({
    maxFailures: z.number().int().min(1).max(100),
    windowMinutes: z.number().int().min(1).max(1440),
    lockMinutes: z.number().int().min(1).max(1440),
  }),
  idleTimeoutMinutes: z.number().int().min(1).max(1440),
  /** Absolute session lifetime: a session ends this long after login even while in use. */
  sessionMaxHours: z.number().int().min(1).max(720),
  /** 管理员必须启用动态口令 (等保 L3 for privileged accounts). */
  adminTotpRequired: z.boolean(),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

/** The password step passed and the account has TOTP: no session until the code is given with this ticket. */
export const TotpChallenge = z.object({
  totpRequired: z.literal(true),
  ticket: z.string(),
  message: z.string(),
});
export type TotpChallenge = z.infer<typeof TotpChallenge>;
export const LoginResult = z.union([Me, TotpChallenge]);
export type LoginResult = z.infer<typeof LoginResult>;

export const TotpLoginBody = z.object({
  ticket: z.string().min(1).max(2000),
  code: z.string().trim().regex(/^\d{6}$/, '动态口令为6位数字'),
});
export const TotpCodeBody = z.object({
  code: z.string().trim().regex(/^\d{6}$/, '动态口令为6位数字'),
});
/** A new TOTP secret for the authenticator app: the otpauth:// URI (for a QR code) and the base32 text. */
export const TotpEnrolment = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;
