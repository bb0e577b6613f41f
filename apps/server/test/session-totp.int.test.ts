import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { base32Decode, totpAt } from '../src/platform/auth/totp.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('absolute session lifetime', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('ends a session 12 hours after login even while it is in use, and keeps the idle timeout', async () => {
    const admin = await t.login('admin');
    const settings = (await t.request({ method: 'GET', url: '/api/v1/settings/security', cookie: admin })).json();
    expect(settings).toMatchObject({ sessionMaxHours: 12, idleTimeoutMinutes: 30, adminTotpRequired: false });
    const cookie = await t.login('gy-leader');
    // Busy every 20 minutes for 12 hours: never idle, still alive at exactly 12 h.
    for (let i = 0; i < 36; i++) {
      t.clock.advanceMinutes(20);
      expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(1);
    const res = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('登录已过期或未登录，请重新登录');
  });

  it('follows the setting', async () => {
    const admin = await t.login('admin');
    const settings = (await t.request({ method: 'GET', url: '/api/v1/settings/security', cookie: admin })).json();
    expect((await t.request({ method: 'PUT', url: '/api/v1/settings/security', cookie: admin, payload: { ...settings, sessionMaxHours: 1 } })).statusCode).toBe(200);
    const cookie = await t.login('gy-leader');
    t.clock.advanceMinutes(29);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);
    t.clock.advanceMinutes(29);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);
    t.clock.advanceMinutes(3);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
    const bad = await t.request({ method: 'PUT', url: '/api/v1/settings/security', cookie: await t.login('admin'), payload: { ...settings, sessionMaxHours: 0 } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('TOTP second factor', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  let secret: Buffer;
  const code = (offsetSteps = 0) => totpAt(secret, t.clock.now().getTime() + offsetSteps * 30_000);
  const nextStep = () => t.clock.set(new Date(t.clock.now().getTime() + 30_000));
  const password = () => t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'Taotai@2026' } });
  const second = (ticket: string, c: string) => t.request({ method: 'POST', url: '/api/v1/auth/login/totp', payload: { ticket, code: c } });

  it('enrols: a secret as otpauth URI and base32, confirmed with one code, sealed at rest', async () => {
    const cookie = await t.login('admin');
    const start = await t.request({ method: 'POST', url: '/api/v1/auth/totp/enrolment', cookie });
    expect(start.statusCode).toBe(200);
    const { secret: b32, otpauthUri } = start.json();
    expect(b32).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toContain(`secret=${b32}`);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.+%3Aadmin\?/);
    secret = base32Decode(b32);
    const wrong = await t.request({ method: 'POST', url: '/api/v1/auth/totp/enrolment/confirm', cookie, payload: { code: code(3) } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('动态口令不正确');
    const ok = await t.request({ method: 'POST', url: '/api/v1/auth/totp/enrolment/confirm', cookie, payload: { code: code() } });
    expect(ok.statusCode, ok.body).toBe(200);
    const me = (await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).json();
    expect(me).toMatchObject({ totpEnabled: true, mustEnrolTotp: false });
    const [row] = await queryRows<Record<string, string | null>>(t.ctx.db, sql`SELECT totp_secret, totp_pending_secret FROM app_user WHERE username = 'admin'`);
    expect(row!.totp_secret).toMatch(/^s2:[0-9a-f]{8}:/);
    expect(row!.totp_secret).not.toContain(b32);
    expect(row!.totp_pending_secret).toBeNull();
  });

  it('asks for the code after the password, opens no session before it, and refuses a code twice', async () => {
    const first = await password();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ totpRequired: true, message: '需要动态口令' });
    expect(first.cookies.find((c) => c.name === 'taotai_sid')).toBeUndefined();
    const { ticket } = first.json();
    // The code used for enrolment is spent: the same window cannot be used again.
    const replay = await second(ticket, code());
    expect(replay.statusCode).toBe(401);
    expect(replay.json().message).toBe('该动态口令已使用过，请等待下一个口令');
    const wrong = await second(ticket, code(5));
    expect(wrong.json().message).toBe('动态口令不正确');
    nextStep();
    const ok = await second(ticket, code());
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ username: 'admin', totpEnabled: true });
    const cookie = `taotai_sid=${ok.cookies.find((c) => c.name === 'taotai_sid')!.value}`;
    expect((await t.request({ method: 'GET', url: '/api/v1/regions', cookie })).statusCode).toBe(200);
    // Stolen in transit and replayed within its window: refused.
    expect((await second(ticket, code())).statusCode).toBe(401);
  });

  it('refuses a tampered or expired ticket', async () => {
    const { ticket } = (await password()).json();
    nextStep();
    expect((await second(`${ticket.slice(0, -4)}AAAA`, code())).json().message).toBe('动态口令验证已超时，请重新输入用户名和密码');
    t.clock.advanceMinutes(6);
    expect((await second(ticket, code())).statusCode).toBe(401);
  });

  it('throttles code guessing per account', async () => {
    t.clock.advanceMinutes(15);
    const { ticket } = (await password()).json();
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await second(ticket, code(7))).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('makes an administrator without TOTP enrol first when the setting requires it, and forbids switching off', async () => {
    t.clock.advanceMinutes(15);
    const { ticket } = (await password()).json();
    nextStep();
    const ok = await second(ticket, code());
    const cookie = `taotai_sid=${ok.cookies.find((c) => c.name === 'taotai_sid')!.value}`;
    nextStep();
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/totp/disable', cookie, payload: { code: code() } })).statusCode).toBe(200);
    const settings = (await t.request({ method: 'GET', url: '/api/v1/settings/security', cookie })).json();
    expect((await t.request({ method: 'PUT', url: '/api/v1/settings/security', cookie, payload: { ...settings, adminTotpRequired: true } })).statusCode).toBe(200);
    const blocked = await t.request({ method: 'GET', url: '/api/v1/regions', cookie });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toBe('totp_enrolment_required');
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).json()).toMatchObject({ mustEnrolTotp: true, totpEnabled: false });
    // Other roles are not affected.
    const office = await t.login('gy-office');
    expect((await t.request({ method: 'GET', url: '/api/v1/regions', cookie: office })).statusCode).toBe(200);
    // Enrolment is open; afterwards everything is.
    secret = base32Decode((await t.request({ method: 'POST', url: '/api/v1/auth/totp/enrolment', cookie })).json().secret);
    nextStep();
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/totp/enrolment/confirm', cookie, payload: { code: code() } })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/regions', cookie })).statusCode).toBe(200);
    nextStep();
    const off = await t.request({ method: 'POST', url: '/api/v1/auth/totp/disable', cookie, payload: { code: code() } });
    expect(off.statusCode).toBe(403);
    expect(off.json().message).toBe('系统要求管理员启用动态口令，不能停用');
    const audit = await queryRows<{ action: string }>(t.ctx.db, sql`SELECT action FROM audit_log WHERE action LIKE 'auth.totp%' ORDER BY id`);
    expect(audit.map((r) => r.action)).toEqual([
      'auth.totp_enrolment_started', 'auth.totp_enabled', 'auth.totp_disabled', 'auth.totp_enrolment_started', 'auth.totp_enabled',
    ]);
  });
});
