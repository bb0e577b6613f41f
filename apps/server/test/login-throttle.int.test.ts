import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** Issue 9: spraying passwords over many accounts from one client, and guessing one account from many. */
describe('login throttling and no username enumeration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const attempt = (username: string, password: string, ip: string) =>
    t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
  const ACCOUNTS = [
    'ha-office', 'zz-office', 'gy-office', 'xy-office', 'gy-fgw', 'gy-sthj', 'gy-scjg', 'gy-yjgl', 'gy-rsj', 'gy-zrzy',
    'gy-czj', 'gy-swj', 'gy-rmyh', 'gy-gdgs', 'gy-zgh', 'gy-swu', 'gy-town', 'gy-park', 'gy-leader', 'gy-ent',
  ];

  it('slows, then refuses a client spraying 20 accounts × 4 wrong passwords', async () => {
    const ip = '192.0.2.10';
    const results = [];
    for (let round = 0; round < 4; round++) {
      for (const u of ACCOUNTS) results.push(await attempt(u, `Wrong#${round}`, ip));
    }
    const status = results.map((r) => r.statusCode);
    const delays = results.map((r) => Number(r.headers['x-ratelimit-delay'] ?? 0));
    // 5 at full speed, then 15 slowed with a doubling delay (capped at 8 s), then refused.
    expect(status.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(delays.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(delays.slice(5, 11)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(status.slice(20)).toEqual(Array(60).fill(429));
    expect(results[20]!.json().message).toBe('登录尝试过于频繁，请稍后再试');
    expect(Number(results[20]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(t.clock.slept).toBe(delays.reduce((a, b) => a + b, 0));
    // Refused before the password is looked at: the right password does not get through either…
    expect((await attempt('gy-office', 'Taotai@2026', ip)).statusCode).toBe(429);
    // …while another client logs in, and the account is not locked by someone else's spraying.
    expect((await attempt('gy-office', 'Taotai@2026', '192.0.2.11')).statusCode).toBe(200);
    // The first refusal is audited once, not every refused request.
    const audited = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.throttled' AND entity_id = 'login:ip:192.0.2.10'`);
    expect(audited).toEqual([{ n: 1 }]);
    // The window passes: the client may try again.
    t.clock.advanceMinutes(15);
    expect((await attempt('gy-office', 'Taotai@2026', ip)).statusCode).toBe(200);
  });

  it('throttles one account tried from many addresses, existing or not, independently of the lockout', async () => {
    // Raise the lockout so only the throttle acts.
    const admin = await t.login('admin');
    const settings = (await t.request({ method: 'GET', url: '/api/v1/settings/security', cookie: admin })).json();
    const put = await t.request({ method: 'PUT', url: '/api/v1/settings/security', cookie: admin, payload: { ...settings, lockout: { ...settings.lockout, maxFailures: 50 } } });
    expect(put.statusCode).toBe(200);
    for (const username of ['gy-swu', 'no-such-user']) {
      const results = [];
      for (let i = 0; i < 11; i++) results.push(await attempt(username, 'Wrong#1', `198.51.100.${i + 1}`));
      expect(results.map((r) => r.statusCode)).toEqual([...Array(10).fill(401), 429]);
      expect(results.map((r) => Number(r.headers['x-ratelimit-delay'] ?? 0))).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 0]);
    }
    await t.request({ method: 'PUT', url: '/api/v1/settings/security', cookie: admin, payload: settings });
  });

  it('does not count successful logins', async () => {
    for (let i = 0; i < 25; i++) expect((await attempt('gy-leader', 'Taotai@2026', '192.0.2.20')).statusCode).toBe(200);
  });

  it('answers an unknown account exactly like an existing one, up to and through the lockout', async () => {
    const run = async (username: string, ip: string) => {
      const out = [];
      for (let i = 0; i < 7; i++) {
        const r = await attempt(username, 'Wrong#2', ip);
        out.push({ status: r.statusCode, body: r.json(), delay: r.headers['x-ratelimit-delay'] ?? null });
      }
      return out;
    };
    const known = await run('gy-zrzy', '203.0.113.1');
    const unknown = await run('gy-nobody', '203.0.113.2');
    expect(unknown).toEqual(known);
    expect(known.map((k) => k.status)).toEqual([401, 401, 401, 401, 401, 423, 423]);
    expect(known[0]!.body.message).toBe('用户名或密码错误');
    // The count is told only in the lockout notice.
    expect(known[4]!.body.message).toBe('连续5次登录失败，账户已锁定15分钟');
    expect(known[5]!.body.message).toMatch(/^账户已锁定，请于\d{2}:\d{2}:\d{2}后再试或联系管理员$/);
    // A disabled account answers the same way too.
    await t.ctx.db.execute(sql`UPDATE app_user SET disabled = true WHERE username = 'gy-rmyh'`);
    expect(await run('gy-rmyh', '203.0.113.3')).toEqual(known);
  });
});
