import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('allows `limit` hits per key in the window, then refuses until the window moves on', () => {
    const r = new RateLimiter(2, 1000);
    expect(r.hit('a', 0)).toBe(true);
    expect(r.hit('a', 10)).toBe(true);
    expect(r.hit('a', 20)).toBe(false);
    expect(r.hit('b', 20)).toBe(true);
    expect(r.hit('a', 1001)).toBe(true);
    expect(r.hit('a', 1005)).toBe(false);
  });
});
