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
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;
