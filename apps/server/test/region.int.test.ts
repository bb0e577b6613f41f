import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('regions, agencies and leading groups', () => {
  let t: TestApp;
  let gy: string;
  let zz: string;
  beforeAll(async () => {
    t = await createTestApp();
    gy = await t.login('gy-office');
    zz = await t.login('zz-office');
  });
  afterAll(() => t.close());
  const get = (url: string, cookie: string) => t.request({ method: 'GET', url, cookie });

  it('starts the tree at the user’s own region', async () => {
    const res = await get('/api/v1/regions', gy);
    expect(res.json()).toEqual([expect.objectContaining({ code: '410181', name: '巩义市', level: 'county', hasChildren: true })]);
  });

  it('lists the real townships of 巩义 and its park', async () => {
    const kids = (await get('/api/v1/regions?parent=410181', gy)).json() as { code: string; name: string; level: string; hasChildren: boolean }[];
    expect(kids.length).toBeGreaterThanOrEqual(20);
    expect(kids.every((k) => k.hasChildren === false)).toBe(true);
    const cities = (await get('/api/v1/regions?parent=410000', await t.login('ha-office'))).json() as { code: string; hasChildren: boolean }[];
    expect(cities.find((c) => c.code === '410100')?.hasChildren).toBe(true);
    expect(kids).toContainEqual(expect.objectContaining({ code: '410181100', name: '米河镇', level: 'township' }));
    expect(kids).toContainEqual(expect.objectContaining({ level: 'park', name: '巩义市产业集聚区（示例）' }));
  });

  it('answers 404 for a sibling county and for the parent, as for a code that does not exist', async () => {
    for (const code of ['410182', '410100', '999999']) {
      const res = await get(`/api/v1/regions?parent=${code}`, gy);
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe('行政区划不存在或无权访问');
    }
  });

  it('searches by name only inside the scope', async () => {
    const inScope = (await get(`/api/v1/regions?q=${encodeURIComponent('米河')}`, gy)).json();
    expect(inScope.map((r: { code: string }) => r.code)).toContain('410181100');
    const outOfScope = (await get(`/api/v1/regions?q=${encodeURIComponent('乔楼')}`, gy)).json(); // 荥阳's 乔楼镇
    expect(outOfScope).toEqual([]);
    const fromCity = (await get(`/api/v1/regions?q=${encodeURIComponent('乔楼')}`, zz)).json();
    expect(fromCity.map((r: { code: string }) => r.code)).toContain('410182101');
  });

  it('marks 巩义 as directly administered, reporting to the province', async () => {
    const r = (await get('/api/v1/regions/410181', zz)).json();
    expect(r).toMatchObject({ directlyAdministered: true, parentCode: '410100', reportingParentCode: '410000' });
    const xy = (await get('/api/v1/regions/410182', zz)).json();
    expect(xy).toMatchObject({ directlyAdministered: false, reportingParentCode: '410100' });
  });

  it('has agencies and a leading group with a leader, deputies and its office', async () => {
    const agencies = (await get('/api/v1/regions/410181/agencies', gy)).json() as { kind: string; name: string; isGroupOffice: boolean }[];
    expect(agencies.map((a) => a.kind)).toEqual(expect.arrayContaining(['industry', 'development', 'ecology', 'market', 'emergency', 'hr', 'natural_resources', 'finance', 'tax', 'pboc', 'power', 'union']));
    expect(agencies.find((a) => a.isGroupOffice)?.name).toBe('巩义市工业和信息化局');
    const g = (await get('/api/v1/regions/410181/leading-group', gy)).json();
    expect(g.name).toBe('巩义市淘汰落后产能工作领导小组');
    expect(g.members.filter((m: { role: string }) => m.role === 'leader')).toHaveLength(1);
    expect(g.members.filter((m: { role: string }) => m.role === 'deputy_leader').length).toBeGreaterThanOrEqual(1);
    expect((await get('/api/v1/regions/410182/leading-group', gy)).statusCode).toBe(404);
  });

  it('lets a county office create a park under its own county only, audited', async () => {
    const ok = await t.request({ method: 'POST', url: '/api/v1/regions/parks', cookie: gy, payload: { countyCode: '410181', name: '巩义市测试园区' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ level: 'park', parentCode: '410181' });
    const other = await t.request({ method: 'POST', url: '/api/v1/regions/parks', cookie: gy, payload: { countyCode: '410182', name: '越权园区' } });
    expect(other.statusCode).toBe(404);
    const auditor = await t.login('auditor');
    const audit = (await get('/api/v1/audit?action=region.create_park', auditor)).json();
    expect(audit.items[0]).toMatchObject({ actorName: 'gy-office', entityId: ok.json().code });
  });
});
