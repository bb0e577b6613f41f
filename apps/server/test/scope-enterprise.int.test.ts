import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { createEnterprise, enterpriseBody, lineBody, listPage, walkAll } from './enterprise-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** Fixture enterprises: own region, sibling regions, parent-level registrations, another prefecture. */
const FIXTURES = {
  mihe: '410181100', // 巩义 米河镇 (gy-town's township)
  xinzhong: '410181101', // 巩义 新中镇: a sibling township of gy-town
  gongyi: '410181', // registered at 巩义 county level: the parent of gy-town's township
  park: 'P000001', // 巩义 park (gy-park)
  xingyang: '410182101', // 荥阳 乔楼镇: the sibling county of 巩义
  xinzheng: '410184', // 新郑 county level: another county of 郑州
  kaifeng: '410203001', // 开封: another prefecture
} as const;
type Fixture = keyof typeof FIXTURES;
const ALL = Object.keys(FIXTURES) as Fixture[];
const GONGYI: Fixture[] = ['mihe', 'xinzhong', 'gongyi', 'park'];

/** Who sees which fixture, and who may write what they see. */
const USERS: { username: string; sees: Fixture[]; writes: boolean; scopeSql: string }[] = [
  { username: 'admin', sees: ALL, writes: true, scopeSql: 'true' },
  { username: 'auditor', sees: ALL, writes: false, scopeSql: "province_code = '410000'" },
  { username: 'ha-office', sees: ALL, writes: true, scopeSql: "province_code = '410000'" },
  { username: 'zz-office', sees: ALL.filter((f) => f !== 'kaifeng'), writes: true, scopeSql: "prefecture_code = '410100'" },
  { username: 'gy-office', sees: GONGYI, writes: true, scopeSql: "county_code = '410181'" },
  { username: 'xy-office', sees: ['xingyang'], writes: true, scopeSql: "county_code = '410182'" },
  { username: 'gy-fgw', sees: GONGYI, writes: true, scopeSql: "county_code = '410181'" },
  { username: 'gy-town', sees: ['mihe'], writes: true, scopeSql: "township_code = '410181100'" },
  { username: 'gy-park', sees: ['park'], writes: true, scopeSql: "township_code = 'P000001'" },
  { username: 'gy-leader', sees: GONGYI, writes: false, scopeSql: "county_code = '410181'" },
  { username: 'gy-ent', sees: [], writes: false, scopeSql: 'id = (SELECT enterprise_id FROM app_user WHERE username = \'gy-ent\')' },
];

describe('enterprise scope matrix: every role × own / sibling / parent / other region', () => {
  let t: TestApp;
  let admin: string;
  const ent: Record<Fixture, { id: number; name: string; uscc: string }> = {} as never;
  const lineOf: Partial<Record<Fixture, number>> = {};
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    for (const f of ALL) {
      const e = await createEnterprise(t, admin, { regionCode: FIXTURES[f], name: `范围测试${f}水泥有限公司` });
      ent[f] = { id: e.id, name: e.name, uscc: e.uscc };
      const l = await t.request({ method: 'POST', url: `/api/v1/enterprises/${e.id}/lines`, cookie: admin, payload: lineBody() });
      expect(l.statusCode, l.body).toBe(201);
      lineOf[f] = l.json().id;
    }
    for (const u of USERS) cookies[u.username] = await t.login(u.username);
  });
  afterAll(() => t.close());

  const current = async (id: number) => (await t.request({ method: 'GET', url: `/api/v1/enterprises/${id}`, cookie: admin })).json();

  for (const u of USERS) {
    describe(u.username, () => {
      it('lists exactly the enterprises of its scope, walking every page', async () => {
        const { ids, total } = await walkAll(t, cookies[u.username]!, { limit: 200, withTotal: 'true' });
        const expected = await queryRows<{ id: number }>(t.ctx.db, sql.raw(`SELECT id::int AS id FROM enterprise WHERE ${u.scopeSql} ORDER BY id DESC`));
        expect(ids).toEqual(expected.map((r) => r.id));
        expect(total).toBe(expected.length);
        if (u.username === 'gy-ent') expect(ids).toHaveLength(1);
        else expect(ids.length).toBeGreaterThanOrEqual(u.sees.length);
        for (const f of ALL) expect(ids.includes(ent[f].id), `${u.username} × ${f}`).toBe(u.sees.includes(f));
      });

      it('finds a fixture by name, by USCC and by its region only when in scope', async () => {
        const cookie = cookies[u.username]!;
        for (const f of ALL) {
          const visible = u.sees.includes(f);
          const byName = await listPage(t, cookie, { q: `测试${f}水泥` });
          expect(byName.items.map((i) => i.id), `${u.username} q=name ${f}`).toEqual(visible ? [ent[f].id] : []);
          const byUscc = await listPage(t, cookie, { q: ent[f].uscc });
          expect(byUscc.items.map((i) => i.id), `${u.username} q=uscc ${f}`).toEqual(visible ? [ent[f].id] : []);
          const byRegion = await t.request({ method: 'GET', url: `/api/v1/enterprises?limit=200&region=${FIXTURES[f]}`, cookie });
          if (visible) {
            expect(byRegion.statusCode).toBe(200);
            expect(byRegion.json().items.some((i: { id: number }) => i.id === ent[f].id)).toBe(true);
          } else if (byRegion.statusCode === 200) {
            // Only an enterprise user may name a region of its county: it still sees nothing else.
            expect(u.username).toBe('gy-ent');
            expect(byRegion.json().items.some((i: { id: number }) => i.id === ent[f].id)).toBe(false);
          } else {
            expect(byRegion.statusCode).toBe(404);
          }
        }
      });

      it('finds by a 2-character term exactly the fixtures in scope', async () => {
        const { ids } = await walkAll(t, cookies[u.username]!, { q: '范围', limit: 3 });
        const fixtureIds = ids.filter((id) => ALL.some((f) => ent[f].id === id));
        expect(fixtureIds.sort()).toEqual(u.sees.map((f) => ent[f].id).sort());
      });

      it('opens a fixture only when in scope; 404 otherwise', async () => {
        for (const f of ALL) {
          const res = await t.request({ method: 'GET', url: `/api/v1/enterprises/${ent[f].id}`, cookie: cookies[u.username]! });
          expect(res.statusCode, `${u.username} GET ${f}`).toBe(u.sees.includes(f) ? 200 : 404);
          if (res.statusCode === 404) expect(res.json().message).toBe('企业不存在或无权访问');
          else expect(res.json().abilities).toEqual({ update: u.writes, addLine: u.writes });
        }
      });

      it('changes a fixture and its lines only when in scope and allowed to write', async () => {
        const cookie = cookies[u.username]!;
        for (const f of ALL) {
          const expected = !u.sees.includes(f) ? 404 : u.writes ? 200 : 403;
          const cur = await current(ent[f].id);
          const put = await t.request({
            method: 'PUT',
            url: `/api/v1/enterprises/${ent[f].id}`,
            cookie,
            payload: { ...enterpriseBody({ regionCode: cur.regionCode, uscc: cur.uscc, name: cur.name }), version: cur.version },
          });
          expect(put.statusCode, `${u.username} PUT ${f}: ${put.body}`).toBe(expected);
          const addLine = await t.request({ method: 'POST', url: `/api/v1/enterprises/${ent[f].id}/lines`, cookie, payload: lineBody() });
          expect(addLine.statusCode, `${u.username} POST line ${f}`).toBe(expected === 200 ? 201 : expected);
          const line = cur.lines.find((l: { id: number }) => l.id === lineOf[f])!;
          const putLine = await t.request({
            method: 'PUT',
            url: `/api/v1/lines/${line.id}`,
            cookie,
            payload: { ...lineBody({ capacity: line.capacity + 1 }), version: line.version },
          });
          expect(putLine.statusCode, `${u.username} PUT line ${f}`).toBe(expected);
          if (addLine.statusCode === 201) {
            const added = addLine.json();
            const del = await t.request({ method: 'DELETE', url: `/api/v1/lines/${added.id}?version=${added.version}`, cookie });
            expect(del.statusCode).toBe(200);
          } else {
            const del = await t.request({ method: 'DELETE', url: `/api/v1/lines/${line.id}?version=${line.version + 1}`, cookie });
            expect(del.statusCode, `${u.username} DELETE line ${f}`).toBe(expected);
          }
        }
      });
    });
  }

  it('refuses registrations by read-only roles (403) and outside the scope (400 naming 所在区划)', async () => {
    for (const username of ['auditor', 'gy-leader', 'gy-ent']) {
      const res = await t.request({ method: 'POST', url: '/api/v1/enterprises', cookie: cookies[username]!, payload: enterpriseBody() });
      expect(res.statusCode, username).toBe(403);
    }
    const cases: [string, string][] = [
      ['gy-town', FIXTURES.xinzhong],
      ['gy-town', FIXTURES.gongyi],
      ['gy-office', FIXTURES.xingyang],
      ['gy-park', FIXTURES.mihe],
      ['zz-office', FIXTURES.kaifeng],
    ];
    for (const [username, regionCode] of cases) {
      const res = await t.request({ method: 'POST', url: '/api/v1/enterprises', cookie: cookies[username]!, payload: enterpriseBody({ regionCode }) });
      expect(res.statusCode, `${username} → ${regionCode}`).toBe(400);
      expect(res.json().fields[0].path).toBe('regionCode');
      expect(res.json().message).toContain('所在区划');
    }
    const own = await t.request({ method: 'POST', url: '/api/v1/enterprises', cookie: cookies['gy-town']!, payload: enterpriseBody({ regionCode: FIXTURES.mihe }) });
    expect(own.statusCode).toBe(201);
  });

  it('lets an enterprise user see its own enterprise, read-only', async () => {
    const cookie = cookies['gy-ent']!;
    const [own] = await queryRows<{ id: number }>(t.ctx.db, sql`SELECT enterprise_id::int AS id FROM app_user WHERE username = 'gy-ent'`);
    const res = await t.request({ method: 'GET', url: `/api/v1/enterprises/${own!.id}`, cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities).toEqual({ update: false, addLine: false });
    const put = await t.request({ method: 'PUT', url: `/api/v1/enterprises/${own!.id}`, cookie, payload: { ...enterpriseBody(), version: res.json().version } });
    expect(put.statusCode).toBe(403);
    // A neighbour in the same township is invisible to it.
    const [neighbour] = await queryRows<{ id: number }>(
      t.ctx.db,
      sql`SELECT id::int AS id FROM enterprise WHERE county_code = '410181' AND id <> ${own!.id} LIMIT 1`,
    );
    expect((await t.request({ method: 'GET', url: `/api/v1/enterprises/${neighbour!.id}`, cookie })).statusCode).toBe(404);
  });
});
