import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('user accounts: password policy, uniqueness, disable, reset, audit', () => {
  let t: TestApp;
  let gy: string;
  let admin: string;
  let officeAgency: number;
  const userId = async (username: string) =>
    (await queryRows<{ id: number }>(t.ctx.db, sql`SELECT id FROM app_user WHERE username = ${username}`))[0]!.id;
  const create = (body: Record<string, unknown>) =>
    t.request({
      method: 'POST',
      url: '/api/v1/users',
      cookie: gy,
      payload: { displayName: '巩义市工信局科员', role: 'group_office', regionCode: '410181', agencyId: officeAgency, ...body },
    });
  const loginStatus = async (username: string, password: string) =>
    (await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } })).statusCode;

  beforeAll(async () => {
    t = await createTestApp();
    gy = await t.login('gy-office');
    admin = await t.login('admin');
    const agencies = (await t.request({ method: 'GET', url: '/api/v1/regions/410181/agencies', cookie: gy })).json();
    officeAgency = agencies.find((a: { isGroupOffice: boolean }) => a.isGroupOffice).id;
  });
  afterAll(() => t.close());

  it('enforces the password policy on the initial password, in Chinese, naming the field', async () => {
    const short = await create({ username: 'gy-gxj-1', password: 'Ab1!' });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('密码长度至少8位');
    expect(short.json().fields).toEqual([expect.objectContaining({ path: 'password' })]);
    const classes = await create({ username: 'gy-gxj-1', password: 'abcdefghij' });
    expect(classes.json().message).toContain('至少3类');
    const withName = await create({ username: 'gy-gxj-1', password: 'Gy-gxj-1#2026' });
    expect(withName.json().message).toContain('不得包含用户名');
    expect(await userId('gy-gxj-1').catch(() => null)).toBeNull();
  });

  it('follows the policy the admin configured', async () => {
    const s = (await t.request({ method: 'GET', url: '/api/v1/settings/security', cookie: admin })).json();
    await t.request({ method: 'PUT', url: '/api/v1/settings/security', cookie: admin, payload: { ...s, passwordPolicy: { ...s.passwordPolicy, minLength: 14 } } });
    const res = await create({ username: 'gy-gxj-2', password: 'Gongyi#2026x' });
    expect(res.json().message).toContain('密码长度至少14位');
    await t.request({ method: 'PUT', url: '/api/v1/settings/security', cookie: admin, payload: s });
  });

  it('answers 409 with a Chinese message for a username in use', async () => {
    const res = await create({ username: 'gy-town', password: 'Gongyi#2026x' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('用户名“gy-town”已被使用');
  });

  it('creates an account with must-change-password and audits it without the hash', async () => {
    const res = await create({ username: 'gy-gxj-3', password: 'Gongyi#2026x' });
    expect(res.statusCode).toBe(201);
    const [row] = await queryRows<{ must_change_password: boolean; password_hash: string }>(
      t.ctx.db,
      sql`SELECT must_change_password, password_hash FROM app_user WHERE username = 'gy-gxj-3'`,
    );
    expect(row!.must_change_password).toBe(true);
    const audit = await queryRows<{ actor_name: string; after: unknown; region_code: string }>(
      t.ctx.db,
      sql`SELECT actor_name, after, region_code FROM audit_log WHERE action = 'user.create' AND entity_id = ${String(res.json().id)}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_name: 'gy-office', region_code: '410181', after: { username: 'gy-gxj-3', role: 'group_office' } });
    expect(JSON.stringify(audit[0])).not.toContain(row!.password_hash.slice(0, 20));
    expect(JSON.stringify(audit[0])).not.toContain('argon2');
  });

  it('disabling ends open sessions and refuses later logins; enabling lets the user back', async () => {
    const id = await userId('gy-leader');
    const leader = await t.login('gy-leader');
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: leader })).statusCode).toBe(200);
    const off = await t.request({ method: 'PUT', url: `/api/v1/users/${id}`, cookie: gy, payload: { displayName: '巩义市分管领导', disabled: true } });
    expect(off.statusCode).toBe(200);
    expect(off.json().disabled).toBe(true);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: leader })).statusCode).toBe(401);
    const [s] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM session WHERE user_id = ${id} AND revoked_at IS NULL`);
    expect(s!.n).toBe(0);
    const refused = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'gy-leader', password: 'Taotai@2026' } });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().message).toContain('用户名或密码错误');
    const on = await t.request({ method: 'PUT', url: `/api/v1/users/${id}`, cookie: gy, payload: { displayName: '巩义市分管领导', disabled: false } });
    expect(on.json().disabled).toBe(false);
    expect(await loginStatus('gy-leader', 'Taotai@2026')).toBe(200);
    const actions = await queryRows<{ action: string }>(
      t.ctx.db,
      sql`SELECT action FROM audit_log WHERE entity_type = 'user' AND entity_id = ${String(id)} AND action LIKE 'user.%' ORDER BY id`,
    );
    expect(actions.map((a) => a.action)).toEqual(['user.create', 'user.disable', 'user.enable']);
  });

  it('resetting a password checks the policy, revokes sessions, unlocks and forces a change', async () => {
    const id = await userId('gy-swj');
    const cookie = await t.login('gy-swj');
    const weak = await t.request({ method: 'PUT', url: `/api/v1/users/${id}`, cookie: gy, payload: { displayName: '巩义市税务局', disabled: false, resetPassword: '12345678' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields[0].path).toBe('resetPassword');
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);
    await t.ctx.db.execute(sql`UPDATE app_user SET locked_until = now() + interval '1 day' WHERE id = ${id}`);
    const ok = await t.request({ method: 'PUT', url: `/api/v1/users/${id}`, cookie: gy, payload: { displayName: '巩义市税务局', disabled: false, resetPassword: 'Shuiwu#2026' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().lockedUntil).toBeNull();
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
    expect(await loginStatus('gy-swj', 'Taotai@2026')).toBe(401);
    const fresh = await t.login('gy-swj', 'Shuiwu#2026');
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: fresh })).json().mustChangePassword).toBe(true);
    const [a] = await queryRows<{ after: unknown }>(t.ctx.db, sql`SELECT after FROM audit_log WHERE action = 'user.reset_password' AND entity_id = ${String(id)}`);
    expect(a!.after).toEqual({ mustChangePassword: true, sessionsRevoked: true });
  });

  it('will not let an office disable its own account', async () => {
    const id = await userId('gy-office');
    const res = await t.request({ method: 'PUT', url: `/api/v1/users/${id}`, cookie: gy, payload: { displayName: '巩义市领导小组办公室', disabled: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('不能停用自己的账户');
  });

  it('keeps the audit chain intact after all of the above', async () => {
    const auditor = await t.login('auditor');
    const v = (await t.request({ method: 'GET', url: '/api/v1/audit/verify', cookie: auditor })).json();
    expect(v.ok).toBe(true);
  });
});
