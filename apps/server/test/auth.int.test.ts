import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('login, lockout, idle timeout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('logs in with the demo password and reports the user', async () => {
    const cookie = await t.login('gy-office');
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'gy-office', role: 'group_office', regionCode: '410181' });
    expect(me.json().abilities).toContain('enterprise:import');
  });

  it('refuses an API call without a session', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toContain('登录');
  });

  it('locks the account after 5 failures in 15 minutes, for 15 minutes', async () => {
    const bad = () => t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'xy-office', password: 'wrong' } });
    for (let i = 1; i <= 4; i++) {
      const r = await bad();
      expect(r.statusCode).toBe(401);
      // The same text as for an unknown account: nothing tells how close the lockout is (no enumeration).
      expect(r.json().message).toBe('用户名或密码错误');
    }
    const fifth = await bad();
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json().message).toBe('连续5次登录失败，账户已锁定15分钟');
    // Even the right password is refused while locked.
    const locked = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'xy-office', password: 'Taotai@2026' } });
    expect(locked.statusCode).toBe(423);
    t.clock.advanceMinutes(16);
    await expect(t.login('xy-office')).resolves.toContain('taotai_sid=');
  });

  it('does not lock when the failures are spread beyond the window', async () => {
    const bad = () => t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'zz-office', password: 'wrong' } });
    for (let i = 0; i < 4; i++) await bad();
    t.clock.advanceMinutes(16);
    const r = await bad();
    expect(r.statusCode).toBe(401);
    expect(r.json().message).toBe('用户名或密码错误');
  });

  it('expires a session after 30 idle minutes', async () => {
    const cookie = await t.login('gy-leader');
    t.clock.advanceMinutes(29);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);
    t.clock.advanceMinutes(29);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
  });

  it('audits successes and failures', async () => {
    const admin = await t.login('admin');
    const res = await t.request({ method: 'GET', url: '/api/v1/audit?action=auth.login_failed&actor=xy-office', cookie: admin });
    // admin is not an auditor but holds audit:read
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThanOrEqual(6);
  });

  it('forces a password change when required, then lets the user in', async () => {
    await t.ctx.db.execute(sql`UPDATE app_user SET must_change_password = true WHERE username = 'gy-town'`);
    const cookie = await t.login('gy-town');
    const blocked = await t.request({ method: 'GET', url: '/api/v1/regions', cookie });
    expect(blocked.statusCode).toBe(403);
    const weak = await t.request({ method: 'POST', url: '/api/v1/auth/password', cookie, payload: { oldPassword: 'Taotai@2026', newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toContain('密码长度至少8位');
    const ok = await t.request({ method: 'POST', url: '/api/v1/auth/password', cookie, payload: { oldPassword: 'Taotai@2026', newPassword: 'Mihe#Town2026' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/regions', cookie })).statusCode).toBe(200);
  });
});
