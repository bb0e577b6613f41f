import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { decide, type RateRule, windowStartOf } from './rate-limit.ts';

const rule: RateRule = { name: 't', windowMs: 60_000, slowAfter: 3, refuseAfter: 6, delayMs: 500, maxDelayMs: 1500, message: '过于频繁' };

describe('rate rule decisions', () => {
  it('allows, then slows with a doubling capped delay, then refuses until the window ends', () => {
    const at = 120_000 + 15_000;
    expect([1, 2, 3].map((n) => decide(rule, n, at).kind)).toEqual(['allow', 'allow', 'allow']);
    expect([4, 5, 6].map((n) => decide(rule, n, at))).toEqual([
      { kind: 'slow', count: 4, delayMs: 500 },
      { kind: 'slow', count: 5, delayMs: 1000 },
      { kind: 'slow', count: 6, delayMs: 1500 },
    ]);
    expect(decide(rule, 7, at)).toEqual({ kind: 'refuse', count: 7, retryAfterSec: 45 });
  });
  it('without a delay a rule is a plain limit', () => {
    const plain = { ...rule, slowAfter: 6, delayMs: undefined };
    expect(decide(plain, 6, 0).kind).toBe('allow');
    expect(decide(plain, 7, 0).kind).toBe('refuse');
  });
  it('aligns windows to their length', () => {
    expect(windowStartOf(rule, 179_999).getTime()).toBe(120_000);
  });
});

describe('secure cookies', () => {
  it('default to on outside demo mode and off in demo mode; an explicit value wins', () => {
    expect(loadConfig({ DEMO_MODE: 'false' }).secureCookies).toBe(true);
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(loadConfig({ DEMO_MODE: 'false', SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
    expect(loadConfig({ SECURE_COOKIES: 'true' }).secureCookies).toBe(true);
  });
});
