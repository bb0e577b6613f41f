import { describe, expect, it } from 'vitest';
import { passwordExpired, passwordProblems } from './password-policy.ts';

const policy = { minLength: 8, requiredClasses: 3, rotationDays: 90 };

describe('password policy', () => {
  it('accepts a long password with three classes', () => {
    expect(passwordProblems('Taotai@2026', policy)).toEqual([]);
  });
  it('reports length and classes in Chinese', () => {
    const p = passwordProblems('abc', policy);
    expect(p).toContain('密码长度至少8位');
    expect(p.join()).toContain('至少3类（当前1类）');
  });
  it('refuses a password containing the username', () => {
    expect(passwordProblems('Gy-office2026!', policy, 'gy-office')).toContain('密码不得包含用户名');
  });
  it('follows a configured policy', () => {
    expect(passwordProblems('abcdefghijkl', { minLength: 12, requiredClasses: 1, rotationDays: 0 })).toEqual([]);
  });
  it('expires after the rotation period and never when it is 0', () => {
    const changed = new Date('2026-01-01T00:00:00Z');
    expect(passwordExpired(changed, new Date('2026-03-15T00:00:00Z'), policy)).toBe(false);
    expect(passwordExpired(changed, new Date('2026-04-02T00:00:00Z'), policy)).toBe(true);
    expect(passwordExpired(changed, new Date('2030-01-01T00:00:00Z'), { ...policy, rotationDays: 0 })).toBe(false);
  });
});
