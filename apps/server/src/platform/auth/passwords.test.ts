import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { hashPassword, PRODUCTION_ARGON2, passwordHashCost, setPasswordHashCost, verifyNoAccount, verifyPassword } from './passwords.ts';

describe('argon2 cost', () => {
  afterAll(() => setPasswordHashCost(PRODUCTION_ARGON2));

  it('defaults to production strength: 64 MiB, 3 passes', () => {
    expect(PRODUCTION_ARGON2).toEqual({ memoryCost: 65_536, timeCost: 3 });
    expect(loadConfig({}).argon2).toEqual(PRODUCTION_ARGON2);
    expect(passwordHashCost()).toEqual(PRODUCTION_ARGON2);
  });

  it('takes the cost from ARGON2_MEMORY_KIB and ARGON2_TIME_COST, and refuses nonsense', () => {
    expect(loadConfig({ ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' }).argon2).toEqual({ memoryCost: 1024, timeCost: 1 });
    expect(() => loadConfig({ ARGON2_TIME_COST: 'zero' })).toThrow('ARGON2_TIME_COST');
  });

  it('encodes the cost in the hash, so hashes of any cost verify', async () => {
    setPasswordHashCost({ memoryCost: 1024, timeCost: 1 });
    const low = await hashPassword('Taotai@2026');
    expect(low).toContain('m=1024,t=1');
    setPasswordHashCost({ memoryCost: 2048, timeCost: 2 });
    expect(await verifyPassword(low, 'Taotai@2026')).toBe(true);
    expect(await verifyPassword(low, 'wrong')).toBe(false);
    expect(await verifyNoAccount('Taotai@2026')).toBe(false);
  });
});
