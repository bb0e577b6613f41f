import { ENTERPRISE_SORTS } from '@taotai/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { createEnterprise, createLine, listPage, walkAll } from './enterprise-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const ORDER_SQL: Record<(typeof ENTERPRISE_SORTS)[number], string> = {
  id: 'id',
  '-id': 'id DESC',
  name: 'name, id',
  '-name': 'name DESC, id DESC',
  updatedAt: 'updated_at, id',
  '-updatedAt': 'updated_at DESC, id DESC',
};

describe('enterprise list: search, filters, keyset pagination', () => {
  let t: TestApp;
  let gy: string;
  let zz: string;
  let admin: string;
  let yaohuaGy: { id: number };
  let yaohuaXy: { id: number };

  const ids = async (where: string) =>
    (await queryRows<{ id: number }>(t.ctx.db, sql.raw(`SELECT id::int AS id FROM enterprise WHERE ${where} ORDER BY id DESC`))).map((r) => r.id);

  beforeAll(async () => {
    t = await createTestApp();
    gy = await t.login('gy-office');
    zz = await t.login('zz-office');
    admin = await t.login('admin');
    yaohuaGy = await createEnterprise(t, gy, { name: '巩义市耀华测试水泥有限公司', regionCode: '410181100' });
    yaohuaXy = await createEnterprise(t, admin, { name: '荥阳市耀华测试水泥有限公司', regionCode: '410182101' });
    await createEnterprise(t, gy, { name: '巩义市百分之百_测试有限公司', industryCode: 'paper', status: 'exiting' });
    // Spread updated_at so the updatedAt sorts have more than one key (ties are broken by id).
    for (let i = 0; i < 5; i++) {
      t.clock.advanceMinutes(3);
      const e = await createEnterprise(t, gy, { name: `巩义市排序测试${i}有限公司` });
      await createLine(t, gy, e.id, { criterion: 'quality' });
    }
  });
  afterAll(() => t.close());

  it('finds a 2-character Chinese term in scope only', async () => {
    expect((await listPage(t, gy, { q: '耀华' })).items.map((i) => i.id)).toEqual([yaohuaGy.id]);
    expect((await listPage(t, admin, { q: '耀华' })).items.map((i) => i.id)).toEqual([yaohuaXy.id, yaohuaGy.id]);
    expect((await listPage(t, gy, { q: '耀华测试水泥' })).items.map((i) => i.id)).toEqual([yaohuaGy.id]);
    // Not a bag of bigrams: both pieces occur in the name, but not this string.
    expect((await listPage(t, gy, { q: '耀华水泥' })).items).toEqual([]);
  });

  it('finds a 1-character term with a plain LIKE', async () => {
    const res = await listPage(t, gy, { q: '耀', limit: 200 });
    expect(res.items.map((i) => i.id)).toEqual([yaohuaGy.id]);
  });

  it('treats % and _ in the term as characters, not wildcards', async () => {
    expect((await listPage(t, gy, { q: '%' })).items).toEqual([]);
    expect((await listPage(t, gy, { q: '百_测' })).items.map((i) => i.name)).toEqual(['巩义市百分之百_测试有限公司']);
    expect((await listPage(t, gy, { q: '百%测' })).items).toEqual([]);
  });

  it('matches an exact USCC', async () => {
    const [row] = await queryRows<{ uscc: string }>(t.ctx.db, sql`SELECT uscc FROM enterprise WHERE id = ${yaohuaGy.id}`);
    expect((await listPage(t, gy, { q: row!.uscc.toLowerCase() })).items.map((i) => i.id)).toEqual([yaohuaGy.id]);
    expect((await listPage(t, gy, { q: row!.uscc.slice(0, 17) + (row!.uscc.endsWith('0') ? '1' : '0') })).items).toEqual([]);
  });

  for (const sort of ENTERPRISE_SORTS) {
    it(`walks every page sorted by ${sort} without duplicates or gaps`, async () => {
      const { ids: walked, total } = await walkAll(t, zz, { sort, limit: 17, withTotal: 'true' });
      const expected = await queryRows<{ id: number }>(
        t.ctx.db,
        sql.raw(`SELECT id::int AS id FROM enterprise WHERE prefecture_code = '410100' ORDER BY ${ORDER_SQL[sort]}`),
      );
      expect(new Set(walked).size).toBe(walked.length);
      expect(walked).toEqual(expected.map((r) => r.id));
      expect(total).toBe(expected.length);
    });
  }

  for (const [q, sort] of [['示例', '-id'], ['示例', 'id'], ['示例', 'name'], ['巩', '-id'], ['耀华', 'id']] as const) {
    it(`walks every page of a search for ${q} sorted by ${sort}`, async () => {
      const { ids: walked, total } = await walkAll(t, zz, { q, sort, limit: 7, withTotal: 'true' });
      const expected = await queryRows<{ id: number }>(
        t.ctx.db,
        sql.raw(`SELECT id::int AS id FROM enterprise WHERE prefecture_code = '410100' AND name LIKE '%${q}%' ORDER BY ${ORDER_SQL[sort]}`),
      );
      expect(walked).toEqual(expected.map((r) => r.id));
      expect(total).toBe(expected.length);
      expect(expected.length).toBeGreaterThan(0);
    });
  }

  it('returns total only when asked', async () => {
    expect((await listPage(t, gy, {})).total).toBeNull();
    expect((await listPage(t, gy, { withTotal: 'true' })).total).toBe((await ids("county_code = '410181'")).length);
  });

  it('filters by region subtree at every level', async () => {
    for (const [region, where] of [
      ['410100', "prefecture_code = '410100'"],
      ['410181', "county_code = '410181'"],
      ['410181100', "region_code = '410181100'"],
      ['P000001', "region_code = 'P000001'"],
    ] as const) {
      const { ids: walked } = await walkAll(t, zz, { region, limit: 200 });
      const expected = await ids(where);
      expect(walked, region).toEqual(expected);
      expect(expected.length, region).toBeGreaterThan(0);
    }
    // A region outside the user's scope is not revealed.
    const out = await t.request({ method: 'GET', url: '/api/v1/enterprises?region=410182', cookie: gy });
    expect(out.statusCode).toBe(404);
  });

  it('filters by industry, criterion and status', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ industry: 'cement' }, "county_code = '410181' AND industry_code = 'cement'"],
      [{ industry: 'paper' }, "county_code = '410181' AND industry_code = 'paper'"],
      [{ criterion: 'quality' }, "county_code = '410181' AND criteria_mask & 4 <> 0"],
      [{ criterion: 'technology' }, "county_code = '410181' AND criteria_mask & 16 <> 0"],
      [{ status: 'exiting' }, "county_code = '410181' AND status = 'exiting'"],
      [{ industry: 'cement', criterion: 'quality', q: '排序' }, "county_code = '410181' AND industry_code = 'cement' AND criteria_mask & 4 <> 0 AND name LIKE '%排序%'"],
    ];
    for (const [params, where] of cases) {
      const { ids: walked } = await walkAll(t, gy, { ...params, limit: 200 });
      const expected = await ids(where);
      expect(walked, JSON.stringify(params)).toEqual(expected);
      expect(expected.length, JSON.stringify(params)).toBeGreaterThan(0);
    }
    expect((await walkAll(t, gy, { criterion: 'quality', q: '排序', limit: 200 })).ids).toHaveLength(5);
  });

  it('refuses a cursor that is malformed or from another sort', async () => {
    const page = await listPage(t, gy, { sort: 'name', limit: 5 });
    const other = await t.request({ method: 'GET', url: `/api/v1/enterprises?sort=-id&cursor=${page.nextCursor}`, cookie: gy });
    expect(other.statusCode).toBe(400);
    expect(other.json().message).toContain('分页游标无效');
    const junk = await t.request({ method: 'GET', url: '/api/v1/enterprises?cursor=not-a-cursor', cookie: gy });
    expect(junk.statusCode).toBe(400);
  });
});
