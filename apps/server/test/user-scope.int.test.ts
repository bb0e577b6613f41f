import { ROLE_LABELS } from '@taotai/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { byHeader, readExport } from './support/list-export.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const STRONG = 'Gongyi#2026x';

describe('user management is limited to the office subtree', () => {
  let t: TestApp;
  let gy: string;
  let admin: string;
  let gyAgencies: { id: number; kind: string; isGroupOffice: boolean }[];
  const userId = async (username: string) =>
    (await queryRows<{ id: number }>(t.ctx.db, sql`SELECT id FROM app_user WHERE username = ${username}`))[0]!.id;
  const create = (cookie: string, body: Record<string, unknown>) =>
    t.request({ method: 'POST', url: '/api/v1/users', cookie, payload: { password: STRONG, displayName: '测试用户', ...body } });

  beforeAll(async () => {
    t = await createTestApp();
    gy = await t.login('gy-office');
    admin = await t.login('admin');
    gyAgencies = (await t.request({ method: 'GET', url: '/api/v1/regions/410181/agencies', cookie: gy })).json();
  });
  afterAll(() => t.close());

  it('lists only the users of 巩义 and its towns and parks to gy-office', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/users?limit=200', cookie: gy });
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    const names = items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['gy-office', 'gy-fgw', 'gy-town', 'gy-park', 'gy-leader', 'gy-ent']));
    for (const other of ['xy-office', 'zz-office', 'ha-office', 'admin', 'auditor']) expect(names).not.toContain(other);
    expect(total).toBe(items.length);
    expect(items.find((u: { username: string }) => u.username === 'gy-town').regionName).toContain('米河镇');
    expect(JSON.stringify(items)).not.toContain('argon2');
  });

  it('answers 404 for 荥阳 users and the 荥阳 region filter, exactly as for missing ones', async () => {
    const xy = await userId('xy-office');
    const get = await t.request({ method: 'GET', url: `/api/v1/users/${xy}`, cookie: gy });
    const missing = await t.request({ method: 'GET', url: '/api/v1/users/999999', cookie: gy });
    expect(get.statusCode).toBe(404);
    expect(get.json()).toEqual(missing.json());
    const put = await t.request({ method: 'PUT', url: `/api/v1/users/${xy}`, cookie: gy, payload: { displayName: '改名', disabled: true } });
    expect(put.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/users?region=410182', cookie: gy })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/users/${await userId('admin')}`, cookie: gy })).statusCode).toBe(404);
    const row = await queryRows<{ display_name: string; disabled: boolean }>(t.ctx.db, sql`SELECT display_name, disabled FROM app_user WHERE id = ${xy}`);
    expect(row[0]).toEqual({ display_name: '荥阳市领导小组办公室', disabled: false });
  });

  it('filters by a town inside the subtree and by name', async () => {
    const town = (await t.request({ method: 'GET', url: '/api/v1/users?region=410181100', cookie: gy })).json();
    expect(town.items.map((u: { username: string }) => u.username)).toEqual(['gy-town']);
    const q = (await t.request({ method: 'GET', url: `/api/v1/users?q=${encodeURIComponent('分管领导')}`, cookie: gy })).json();
    expect(q.items.map((u: { username: string }) => u.username)).toEqual(['gy-leader']);
  });

  it('pages with a keyset cursor without repeating or skipping anyone', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/users?limit=4${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.request({ method: 'GET', url, cookie: gy })).json();
      seen.push(...page.items.map((u: { username: string }) => u.username));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await t.request({ method: 'GET', url: '/api/v1/users?limit=200', cookie: gy })).json();
    expect(seen).toEqual(all.items.map((u: { username: string }) => u.username));
    expect(seen.length).toBeGreaterThan(8);
  });

  it('pages by number, sorts by the account number only, and exports the filtered set (issue 11)', async () => {
    const get = async (q: string) => (await t.request({ method: 'GET', url: `/api/v1/users?${q}`, cookie: gy })).json();
    const all = await get('pageSize=200');
    const ids: number[] = all.items.map((u: { id: number }) => u.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b)); // oldest account first by default
    const page2 = await get('pageSize=3&page=2');
    expect(page2).toMatchObject({ page: 2, pageSize: 3, total: ids.length });
    expect(page2.items.map((u: { id: number }) => u.id)).toEqual(ids.slice(3, 6));
    expect((await get('sort=-id&pageSize=200')).items.map((u: { id: number }) => u.id)).toEqual([...ids].reverse());
    const bad = await t.request({ method: 'GET', url: '/api/v1/users?sort=username', cookie: gy });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('本列表只能按编号排序');

    const x = await readExport(t, gy, '/api/v1/users/export.xlsx');
    expect(x.status).toBe(200);
    expect(x.autoFilter).toBeTruthy();
    const rows = byHeader(x);
    expect(rows.map((r) => r.编号)).toEqual(ids);
    expect(rows.find((r) => r.用户名 === 'gy-town')).toMatchObject({ 角色: ROLE_LABELS.town, 区划代码: '410181100', 状态: '正常' });
    expect(String(rows.find((r) => r.用户名 === 'gy-town')!.所属区划)).toContain('米河镇');
    const office = rows.find((r) => r.用户名 === 'gy-office')!;
    expect(office.最近登录).toBeInstanceOf(Date); // logged in by this test: a real date, not text
    expect(JSON.stringify(x.rows)).not.toContain('argon2');
    // The filters narrow the file exactly as the list; a region outside the subtree is 404.
    const town = byHeader(await readExport(t, gy, '/api/v1/users/export.xlsx?region=410181100'));
    expect(town.map((r) => r.用户名)).toEqual(['gy-town']);
    expect((await readExport(t, gy, '/api/v1/users/export.xlsx?region=410182')).status).toBe(404);
    const q = byHeader(await readExport(t, gy, `/api/v1/users/export.xlsx?q=${encodeURIComponent('分管领导')}`));
    expect(q.map((r) => r.用户名)).toEqual(['gy-leader']);
  });

  it('lets gy-office create a member-agency account in 巩义; the user must change the initial password', async () => {
    const sthj = gyAgencies.find((a) => a.kind === 'ecology')!;
    const res = await create(gy, { username: 'gy-sthj-2', role: 'member_agency', regionCode: '410181', agencyId: sthj.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'gy-sthj-2', role: 'member_agency', regionCode: '410181', agencyId: sthj.id, disabled: false });
    expect(res.json().agencyName).toContain('生态环境');
    const cookie = await t.login('gy-sthj-2', STRONG);
    const me = (await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).json();
    expect(me.mustChangePassword).toBe(true);
    expect((await t.request({ method: 'GET', url: '/api/v1/regions', cookie })).statusCode).toBe(403);
    const listed = (await t.request({ method: 'GET', url: '/api/v1/users?q=gy-sthj-2', cookie: gy })).json();
    expect(listed.total).toBe(1);
  });

  it('refuses to create accounts outside 巩义 with 404, and admin or auditor accounts with 403', async () => {
    const xyAgency = (await t.request({ method: 'GET', url: '/api/v1/regions/410182/agencies', cookie: admin })).json()[0];
    const outside = await create(gy, { username: 'xy-new', role: 'member_agency', regionCode: '410182', agencyId: xyAgency.id });
    expect(outside.statusCode).toBe(404);
    const asAdmin = await create(gy, { username: 'gy-admin', role: 'admin', regionCode: '410181' });
    expect(asAdmin.statusCode).toBe(403);
    expect(asAdmin.json().message).toContain('系统管理员');
    const asAuditor = await create(gy, { username: 'gy-auditor', role: 'auditor', regionCode: '410181' });
    expect(asAuditor.statusCode).toBe(403);
    const n = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM app_user WHERE username IN ('xy-new', 'gy-admin', 'gy-auditor')`);
    expect(n[0]!.n).toBe(0);
  });

  it('checks where an account belongs: agency of its region, enterprise in scope, town at a township', async () => {
    const xyAgency = (await t.request({ method: 'GET', url: '/api/v1/regions/410182/agencies', cookie: admin })).json()[0];
    const wrongAgency = await create(gy, { username: 'gy-x1', role: 'member_agency', regionCode: '410181', agencyId: xyAgency.id });
    expect(wrongAgency.statusCode).toBe(400);
    expect(wrongAgency.json().fields[0].path).toBe('agencyId');
    const noAgency = await create(gy, { username: 'gy-x2', role: 'member_agency', regionCode: '410181' });
    expect(noAgency.json().message).toBe('请选择所属单位');
    const memberAsOffice = gyAgencies.find((a) => !a.isGroupOffice)!;
    const office = await create(gy, { username: 'gy-x3', role: 'group_office', regionCode: '410181', agencyId: memberAsOffice.id });
    expect(office.statusCode).toBe(400);
    const townAtCounty = await create(gy, { username: 'gy-x4', role: 'town', regionCode: '410181' });
    expect(townAtCounty.statusCode).toBe(400);
    expect(townAtCounty.json().message).toContain('乡镇');
    const town = await create(gy, { username: 'gy-x5', role: 'town', regionCode: '410181100' });
    expect(town.statusCode).toBe(201);

    const [xyEnt] = await queryRows<{ id: number }>(t.ctx.db, sql`SELECT id::int AS id FROM enterprise WHERE county_code = '410182' ORDER BY id LIMIT 1`);
    const [gyEnt] = await queryRows<{ id: number }>(t.ctx.db, sql`SELECT id::int AS id FROM enterprise WHERE county_code = '410181' ORDER BY id LIMIT 1`);
    const foreign = await create(gy, { username: 'gy-x6', role: 'enterprise', regionCode: '410181', enterpriseId: xyEnt!.id });
    expect(foreign.statusCode).toBe(404);
    const noEnt = await create(gy, { username: 'gy-x7', role: 'enterprise', regionCode: '410181' });
    expect(noEnt.statusCode).toBe(400);
    const own = await create(gy, { username: 'gy-x8', role: 'enterprise', regionCode: '410181', enterpriseId: gyEnt!.id });
    expect(own.statusCode).toBe(201);
    expect(own.json().enterpriseId).toBe(gyEnt!.id);
  });

  it('lets ha-office see the provincial auditor but not manage it', async () => {
    const ha = await t.login('ha-office');
    const auditorId = await userId('auditor');
    expect((await t.request({ method: 'GET', url: `/api/v1/users/${auditorId}`, cookie: ha })).statusCode).toBe(200);
    const put = await t.request({ method: 'PUT', url: `/api/v1/users/${auditorId}`, cookie: ha, payload: { displayName: '审计员', disabled: true } });
    expect(put.statusCode).toBe(403);
  });

  it('lets the admin create an auditor and see every account, admins reading 全国', async () => {
    const res = await create(admin, { username: 'auditor-2', role: 'auditor', regionCode: '410100' });
    expect(res.statusCode).toBe(201);
    const all = (await t.request({ method: 'GET', url: '/api/v1/users?limit=200', cookie: admin })).json();
    const names = all.items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['admin', 'xy-office', 'gy-office', 'auditor-2']));
    expect(all.items.find((u: { username: string }) => u.username === 'admin').regionName).toBe('全国');
  });

  it('refuses user management to roles without user:manage', async () => {
    const fgw = await t.login('gy-fgw');
    expect((await t.request({ method: 'GET', url: '/api/v1/users', cookie: fgw })).statusCode).toBe(403);
    expect((await create(fgw, { username: 'gy-x9', role: 'leader', regionCode: '410181' })).statusCode).toBe(403);
  });
});
