import { type SecuritySettings, SecuritySettings as SecuritySettingsSchema } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { settingsRepository } from './settings.repository.ts';

/**
 * Defaults: 30-minute idle timeout, sessions end 12 hours after login, 5 failures in 15 minutes lock the account
 * for 15 minutes. Administrators must use TOTP outside demo mode (the demo and its browser tests log in by password).
 */
export const DEFAULT_SECURITY: SecuritySettings = {
  passwordPolicy: { minLength: 8, requiredClasses: 3, rotationDays: 90 },
  lockout: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  idleTimeoutMinutes: 30,
  sessionMaxHours: 12,
  adminTotpRequired: false,
};

export const defaultSecurity = (demoMode: boolean): SecuritySettings => ({ ...DEFAULT_SECURITY, adminTotpRequired: !demoMode });

/**
 * The stored settings over the defaults, so a setting added later has its default on installations that saved
 * theirs before it existed. `demoMode` only decides the default of adminTotpRequired.
 */
export async function loadSecuritySettings(db: Db, demoMode = true): Promise<SecuritySettings> {
  const stored = await settingsRepository.get(db, 'security');
  const defaults = defaultSecurity(demoMode);
  const merged = stored && typeof stored === 'object' ? { ...defaults, ...stored } : defaults;
  const parsed = SecuritySettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaults;
}
