import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { queryRows } from '../src/db/client.ts';
import { hitRate, type RateRule, sweepRateLimits } from '../src/platform/http/rate-limit.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** The one rate limiter (platform/http/rate-limit.ts) on the public site, and its counting in the database. */
describe('rate limits on the public API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const get = (url: string, ip: string) => t.request({ method: 'GET', url: `/api/v1/public${url}`, remoteAddress: ip });

  it('limits public reads per client address: 120 a minute, then 429 with Retry-After, across list, search and look-up', async () => {
    const ip = '192.0.2.50';
    const urls = ['/announcements', '/search?q=%E6%B0%B4%E6%B3%A5', '/regions'];
    const statuses = [];
    for (let i = 0; i < 120; i++) statuses.push((await get(urls[i % 3]!, ip)).statusCode);
    expect(statuses).toEqual(Array(120).fill(200));
    const refused = await get('/announcements', ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ error: 'rate_limited', message: '访问过于频繁，请稍后再试' });
    // The test clock stands at a whole minute: the window has the full 60 seconds to run.
    expect(refused.headers['retry-after']).toBe('60');
    expect((await get('/announcements', '192.0.2.51')).statusCode).toBe(200);
    t.clock.advanceMinutes(1);
    expect((await get('/announcements', ip)).statusCode).toBe(200);
  });

  it('limits answer look-ups to 30 per address in 10 minutes (receipt codes are not guessed)', async () => {
    const ip = '192.0.2.60';
    const statuses = [];
    for (let i = 0; i < 31; i++) statuses.push((await get(`/objections?code=YY2345678${i % 10}&phone=13800138000`, ip)).statusCode);
    expect(statuses).toEqual([...Array(30).fill(404), 429]);
    expect((await get('/objections?code=YY23456789&phone=13800138000', ip)).json().message).toBe('查询过于频繁，请稍后再试');
  });

  it('limits objections to 5 per address in 10 minutes, before the request is even looked at', async () => {
    const ip = '192.0.2.70';
    const file = () => t.request({ method: 'POST', url: '/api/v1/public/announcements/999999/objections', payload: { content: '请核实名单中企业的产能数据', phone: '13900000000' }, remoteAddress: ip });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await file()).statusCode);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    expect((await file()).json().message).toBe('提交过于频繁，请稍后再试');
  });

  it('holds across server processes sharing the database', async () => {
    const other = await buildApp(t.ctx);
    try {
      const ip = '192.0.2.80';
      const file = (app: typeof other) =>
        app.inject({ method: 'POST', url: '/api/v1/public/announcements/999999/objections', payload: { content: '请核实名单中企业的产能数据', phone: '13900000000' }, remoteAddress: ip });
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await file(i % 2 ? other : t.app)).statusCode);
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    } finally {
      await other.close();
    }
  });
});

describe('rate limiter counting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const rule: RateRule = { name: 'test', windowMs: 60_000, slowAfter: 2, refuseAfter: 4, delayMs: 100, maxDelayMs: 150, message: '过于频繁' };

  it('counts concurrent hits without losing one, and decides allow / slow / refuse', async () => {
    const hits = await Promise.all(Array.from({ length: 6 }, () => hitRate(t.ctx.db, t.clock, rule, 'x')));
    expect(hits.map((h) => h.decision.count).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const byCount = hits.sort((a, b) => a.decision.count - b.decision.count).map((h) => h.decision);
    expect(byCount.map((d) => d.kind)).toEqual(['allow', 'allow', 'slow', 'slow', 'refuse', 'refuse']);
    expect(byCount.slice(2, 4)).toEqual([{ kind: 'slow', count: 3, delayMs: 100 }, { kind: 'slow', count: 4, delayMs: 150 }]);
  });

  it('sweeps windows older than a day', async () => {
    await hitRate(t.ctx.db, t.clock, rule, 'old');
    t.clock.advanceMinutes(24 * 60 + 2);
    await hitRate(t.ctx.db, t.clock, rule, 'new');
    expect(await sweepRateLimits(t.ctx.db, t.clock)).toBe(2);
    const left = await queryRows<{ key: string }>(t.ctx.db, sql`SELECT key FROM rate_limit_bucket ORDER BY key`);
    expect(left).toEqual([{ key: 'test:new' }]);
  });
});
