import { type SecuritySettings, SecuritySettings as SecuritySettingsSchema } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { settingsRepository } from './settings.repository.ts';

/** Defaults: 30-minute idle timeout, 5 failures in 15 minutes lock the account for 15 minutes. */
export const DEFAULT_SECURITY: SecuritySettings = {
  passwordPolicy: { minLength: 8, requiredClasses: 3, rotationDays: 90 },
  lockout: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  idleTimeoutMinutes: 30,
};

export async function loadSecuritySettings(db: Db): Promise<SecuritySettings> {
  const stored = await settingsRepository.get(db, 'security');
  const parsed = SecuritySettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_SECURITY;
}
