import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { regionRepository } from '../src/modules/region/index.ts';
import { recordAudit, systemSubject } from '../src/platform/audit/audit.ts';
import { byHeader, readExport } from './support/list-export.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * Issue 9: the audit log is scoped by the auditor's region (ADR 0009). 河南's auditor reads 河南's entries only;
 * `regionCode` narrows within scope and answers 404 outside it; the national auditor and the admin read it all,
 * entries without a region included.
 */
describe('audit log scope', () => {
  let t: TestApp;
  let henan: string;
  let national: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    // The template holds 河南 only: add 湖北 and 武汉 the way the region seed stores them.
    await regionRepository.insertMany(t.ctx.db, [
      { code: '420000', name: '湖北省', parentCode: null, level: 'province', provinceCode: '420000', depth: 0, fullName: '湖北省' },
      { code: '420100', name: '武汉市', parentCode: '420000', level: 'prefecture', provinceCode: '420000', prefectureCode: '420100', depth: 1, fullName: '湖北省 / 武汉市' },
    ]);
    const who = systemSubject('scope-test');
    const now = t.clock.now();
    await t.ctx.db.transaction(async (tx) => {
      await recordAudit(tx, who, now, { action: 'test.scope', entityType: 'probe', entityId: 'wuhan', regionCode: '420100', after: { ip: 'x' } });
      await recordAudit(tx, who, now, { action: 'test.scope', entityType: 'probe', entityId: 'hubei', regionCode: '420000' });
      await recordAudit(tx, who, now, { action: 'test.scope', entityType: 'probe', entityId: 'gongyi', regionCode: '410181' });
      await recordAudit(tx, who, now, { action: 'test.scope', entityType: 'probe', entityId: 'mihe', regionCode: '410181100' });
      await recordAudit(tx, who, now, { action: 'test.scope', entityType: 'probe', entityId: 'xingyang', regionCode: '410182' });
      await recordAudit(tx, who, now, { action: 'test.scope', entityType: 'probe', entityId: 'nowhere', regionCode: null });
    });
    henan = await t.login('auditor');
    national = await t.login('auditor-cn');
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const probes = async (cookie: string, extra = '') => {
    const res = await t.request({ method: 'GET', url: `/api/v1/audit?action=test.scope&limit=50${extra}`, cookie });
    return { status: res.statusCode, ids: res.statusCode === 200 ? (res.json().items as { entityId: string }[]).map((e) => e.entityId).sort() : [] };
  };

  it("gives 河南's auditor 河南's entries only", async () => {
    expect((await probes(henan)).ids).toEqual(['gongyi', 'mihe', 'xingyang']);
    // Every entry of the unfiltered first pages lies in 河南 (logins, enterprises, plans …), none without a region.
    let cursor: string | null = null;
    let seen = 0;
    do {
      const res = await t.request({ method: 'GET', url: `/api/v1/audit?limit=200${cursor ? `&cursor=${cursor}` : ''}`, cookie: henan });
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: { regionCode: string | null }[]; nextCursor: string | null };
      for (const e of page.items) expect(e.regionCode === '410000' || /^41|^P/.test(e.regionCode ?? '')).toBe(true);
      seen += page.items.length;
      cursor = page.nextCursor;
    } while (cursor && seen < 1000);
    expect(seen).toBeGreaterThan(3);
  });

  it('honours regionCode within scope, over the region subtree', async () => {
    expect((await probes(henan, '&regionCode=410181')).ids).toEqual(['gongyi', 'mihe']);
    expect((await probes(henan, '&regionCode=410181100')).ids).toEqual(['mihe']);
    expect((await probes(henan, '&regionCode=410100')).ids).toEqual(['gongyi', 'mihe', 'xingyang']);
  });

  it('answers 404 for a regionCode outside the scope, like a region that does not exist', async () => {
    const out = await probes(henan, '&regionCode=420100');
    const missing = await probes(henan, '&regionCode=499999');
    expect(out.status).toBe(404);
    expect(missing.status).toBe(404);
  });

  it('gives the national auditor and the admin the whole log, entries without a region included', async () => {
    const all = ['gongyi', 'hubei', 'mihe', 'nowhere', 'wuhan', 'xingyang'];
    expect((await probes(national)).ids).toEqual(all);
    expect((await probes(admin)).ids).toEqual(all);
    expect((await probes(national, '&regionCode=420000')).ids).toEqual(['hubei', 'wuhan']);
    const me = (await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: national })).json();
    expect(me.role).toBe('national_auditor');
    expect(me.abilities).toContain('audit:read');
    expect(me.abilities).not.toContain('enterprise:write');
  });

  it('pages by number with the total, sorts by the entry number only, and exports the filtered set in scope (issue 11)', async () => {
    const get = async (q: string) => (await t.request({ method: 'GET', url: `/api/v1/audit?action=test.scope&${q}`, cookie: henan })).json();
    const all = await get('sort=id&withTotal=true');
    expect(all.total).toBe(3);
    const ids = all.items.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));
    expect((await get('sort=id&pageSize=1&page=2')).items.map((e: { id: number }) => e.id)).toEqual([ids[1]]);
    expect((await get('pageSize=3')).items.map((e: { id: number }) => e.id)).toEqual([...ids].reverse()); // newest first by default
    const bad = await t.request({ method: 'GET', url: '/api/v1/audit?sort=at', cookie: henan });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('本列表只能按序号排序');
    // A calendar date is a Beijing day: today's entries fall within from=to=today, none before yesterday's end.
    const today = new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const yesterday = new Date(t.clock.now().getTime() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    expect((await get(`from=${today}&to=${today}&withTotal=true`)).total).toBe(3);
    expect((await get(`to=${yesterday}&withTotal=true`)).total).toBe(0);

    const x = await readExport(t, henan, '/api/v1/audit/export.xlsx?action=test.scope');
    expect(x.status).toBe(200);
    expect(x.autoFilter).toBeTruthy();
    const rows = byHeader(x);
    expect(rows.map((r) => r.序号)).toEqual([...ids].reverse());
    const mihe = rows.find((r) => r.对象ID === 'mihe')!;
    expect(mihe).toMatchObject({ 操作人: 'scope-test', 动作: 'test.scope', 区划代码: '410181100' });
    expect(String(mihe.区划)).toContain('米河镇');
    expect(mihe.时间).toBeInstanceOf(Date);
    expect((await readExport(t, henan, '/api/v1/audit/export.xlsx?regionCode=420100')).status).toBe(404);
    const national = byHeader(await readExport(t, admin, '/api/v1/audit/export.xlsx?action=test.scope&regionCode=420000'));
    expect(national.map((r) => r.对象ID).sort()).toEqual(['hubei', 'wuhan']);
    expect(national.find((r) => r.对象ID === 'wuhan')!.变更后).toBe('{"ip":"x"}');
    const town = await t.login('gy-town');
    expect((await readExport(t, town, '/api/v1/audit/export.xlsx')).status).toBe(403);
  });

  it('stores the ancestor columns an entry is scoped by', async () => {
    const rows = await queryRows<{ entity_id: string; province_code: string | null; county_code: string | null; township_code: string | null }>(
      t.ctx.db,
      sql`SELECT entity_id, province_code, county_code, township_code FROM audit_log WHERE action = 'test.scope' ORDER BY id`,
    );
    expect(rows.find((r) => r.entity_id === 'mihe')).toMatchObject({ province_code: '410000', county_code: '410181', township_code: '410181100' });
    expect(rows.find((r) => r.entity_id === 'nowhere')).toMatchObject({ province_code: null, county_code: null, township_code: null });
  });
});
