import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STALE_STATE } from '../src/platform/lifecycle/index.ts';
import { queryRows } from '../src/db/client.ts';
import { createEnterprise, enterpriseBody, nextUscc } from './enterprise-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('enterprise registration and editing', () => {
  let t: TestApp;
  let gy: string;
  let xy: string;
  beforeAll(async () => {
    t = await createTestApp();
    gy = await t.login('gy-office');
    xy = await t.login('xy-office');
  });
  afterAll(() => t.close());

  const post = (cookie: string, payload: object) => t.request({ method: 'POST', url: '/api/v1/enterprises', cookie, payload });

  it('registers an enterprise with the ancestry of its township and shows it with its names', async () => {
    const e = await createEnterprise(t, gy, { regionCode: '410181100', name: '巩义市登记测试水泥有限公司' });
    expect(e).toMatchObject({ regionName: '米河镇', industryName: '水泥', version: 1, lines: [], abilities: { update: true, addLine: true } });
    const [row] = await queryRows<Record<string, string | null>>(
      t.ctx.db,
      sql`SELECT province_code, prefecture_code, county_code, township_code, line_count, criteria_mask FROM enterprise WHERE id = ${e.id}`,
    );
    expect(row).toEqual({
      province_code: '410000',
      prefecture_code: '410100',
      county_code: '410181',
      township_code: '410181100',
      line_count: 0,
      criteria_mask: 0,
    });
  });

  it('stores a county-level or park registration with the right ancestry', async () => {
    const county = await createEnterprise(t, gy, { regionCode: '410181' });
    const park = await createEnterprise(t, gy, { regionCode: 'P000001' });
    const rows = await queryRows<{ id: number; county_code: string; township_code: string | null }>(
      t.ctx.db,
      sql`SELECT id::int AS id, county_code, township_code FROM enterprise WHERE id IN (${county.id}, ${park.id}) ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: county.id, county_code: '410181', township_code: null },
      { id: park.id, county_code: '410181', township_code: 'P000001' },
    ]);
  });

  it('refuses a USCC with a wrong check digit, naming 统一社会信用代码', async () => {
    const good = nextUscc();
    const last = good.at(-1)!;
    const wrong = good.slice(0, 17) + (last === '0' ? '1' : '0');
    const res = await post(gy, enterpriseBody({ uscc: wrong }));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('统一社会信用代码校验位错误');
    expect(res.json().message).toContain(`第18位应为“${last}”`);
    expect(res.json().fields).toEqual([{ path: 'uscc', message: res.json().message }]);
    const short = await post(gy, enterpriseBody({ uscc: '91410181MA' }));
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('统一社会信用代码应为18位');
  });

  it('normalises a USCC typed in lower case or full width', async () => {
    const uscc = nextUscc();
    const fullWidth = uscc.toLowerCase().replace(/[0-9a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const e = await createEnterprise(t, gy, { uscc: ` ${fullWidth} ` });
    expect(e.uscc).toBe(uscc);
  });

  it('refuses a duplicate USCC: 409 naming the holder only when the user may see it', async () => {
    const e = await createEnterprise(t, gy, { name: '巩义市重复测试有限公司' });
    const again = await post(gy, enterpriseBody({ uscc: e.uscc }));
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('该统一社会信用代码已登记为“巩义市重复测试有限公司”');
    const fromXingyang = await post(xy, enterpriseBody({ uscc: e.uscc, regionCode: '410182101' }));
    expect(fromXingyang.statusCode).toBe(409);
    expect(fromXingyang.json().message).toBe('该统一社会信用代码已登记');
    const [n] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM enterprise WHERE uscc = ${e.uscc}`);
    expect(n!.n).toBe(1);
  });

  it('refuses a region that is not a county, township or park, and an unknown industry', async () => {
    const zz = await t.login('zz-office');
    const prefecture = await post(zz, enterpriseBody({ regionCode: '410100' }));
    expect(prefecture.statusCode).toBe(400);
    expect(prefecture.json().fields[0].path).toBe('regionCode');
    const industry = await post(gy, enterpriseBody({ industryCode: 'no_such' }));
    expect(industry.statusCode).toBe(400);
    expect(industry.json().fields[0].path).toBe('industryCode');
    const name = await post(gy, enterpriseBody({ name: '企' }));
    expect(name.statusCode).toBe(400);
    expect(name.json().message).toContain('企业名称至少2个字');
  });

  it('edits with the version read; a stale version gets 409 and changes nothing', async () => {
    const e = await createEnterprise(t, gy, { name: '巩义市并发测试有限公司' });
    const body = { ...enterpriseBody({ regionCode: e.regionCode, uscc: e.uscc }), version: e.version };
    const first = await t.request({ method: 'PUT', url: `/api/v1/enterprises/${e.id}`, cookie: gy, payload: { ...body, name: '巩义市并发测试甲有限公司' } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(e.version + 1);
    const second = await t.request({ method: 'PUT', url: `/api/v1/enterprises/${e.id}`, cookie: gy, payload: { ...body, name: '巩义市并发测试乙有限公司' } });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toBe(STALE_STATE);
    const now = await t.request({ method: 'GET', url: `/api/v1/enterprises/${e.id}`, cookie: gy });
    expect(now.json().name).toBe('巩义市并发测试甲有限公司');
  });

  it('lets only one of two simultaneous edits with the same version through', async () => {
    const e = await createEnterprise(t, gy);
    const body = (name: string) => ({ ...enterpriseBody({ regionCode: e.regionCode, uscc: e.uscc, name }), version: e.version });
    const results = await Promise.all(
      ['同时编辑甲有限公司', '同时编辑乙有限公司', '同时编辑丙有限公司'].map((name) =>
        t.request({ method: 'PUT', url: `/api/v1/enterprises/${e.id}`, cookie: gy, payload: body(name) }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const [row] = await queryRows<{ version: number }>(t.ctx.db, sql`SELECT version FROM enterprise WHERE id = ${e.id}`);
    expect(row!.version).toBe(e.version + 1);
  });

  it('moves an enterprise to another township of the scope and rewrites its ancestry', async () => {
    const e = await createEnterprise(t, gy, { regionCode: '410181100' });
    const res = await t.request({
      method: 'PUT',
      url: `/api/v1/enterprises/${e.id}`,
      cookie: gy,
      payload: { ...enterpriseBody({ regionCode: '410181101', uscc: e.uscc }), version: e.version },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().regionName).toBe('新中镇');
    const [row] = await queryRows<{ township_code: string }>(t.ctx.db, sql`SELECT township_code FROM enterprise WHERE id = ${e.id}`);
    expect(row!.township_code).toBe('410181101');
    // …but not out of the scope.
    const out = await t.request({
      method: 'PUT',
      url: `/api/v1/enterprises/${e.id}`,
      cookie: gy,
      payload: { ...enterpriseBody({ regionCode: '410182101', uscc: e.uscc }), version: res.json().version },
    });
    expect(out.statusCode).toBe(400);
    expect(out.json().fields[0].path).toBe('regionCode');
  });

  it('answers 404 for an id that does not exist, like one out of scope', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/enterprises/99999999', cookie: gy });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('企业不存在或无权访问');
  });
});
