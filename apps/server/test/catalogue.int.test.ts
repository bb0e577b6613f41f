import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, lineBody } from './enterprise-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('catalogues: capacity units, industries, basis items', () => {
  let t: TestApp;
  let ha: string;
  let gy: string;
  beforeAll(async () => {
    t = await createTestApp();
    ha = await t.login('ha-office');
    gy = await t.login('gy-office');
  });
  afterAll(() => t.close());

  const get = (url: string, cookie = gy) => t.request({ method: 'GET', url, cookie });

  it('lists the six capacity units and the seeded industries with their units', async () => {
    const units = (await get('/api/v1/catalogue/units')).json();
    expect(units.map((u: { name: string }) => u.name).sort()).toEqual(['万千伏安时', '万千瓦', '万吨', '万标张', '万米', '万重量箱'].sort());
    const industries = (await get('/api/v1/catalogue/industries')).json();
    expect(industries.find((i: { code: string }) => i.code === 'cement')).toMatchObject({ name: '水泥', unitCode: 'wan_t' });
    expect(industries.find((i: { code: string }) => i.code === 'dyeing')).toMatchObject({ name: '印染', unitCode: 'wan_m' });
  });

  it('lets the province office add an industry; a county office may not', async () => {
    const body = { code: 'ceramics', name: '陶瓷', unitCode: 'wan_t', isKey: false, sortOrder: 200 };
    expect((await t.request({ method: 'POST', url: '/api/v1/catalogue/industries', cookie: gy, payload: body })).statusCode).toBe(403);
    const res = await t.request({ method: 'POST', url: '/api/v1/catalogue/industries', cookie: ha, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual(body);
    expect((await get('/api/v1/catalogue/industries')).json().some((i: { code: string }) => i.code === 'ceramics')).toBe(true);
  });

  it('refuses a duplicate industry name or code (409) and an unknown unit (400)', async () => {
    const dupName = await t.request({ method: 'POST', url: '/api/v1/catalogue/industries', cookie: ha, payload: { code: 'cement2', name: '水泥', unitCode: 'wan_t' } });
    expect(dupName.statusCode).toBe(409);
    expect(dupName.json().message).toBe('行业名称“水泥”已存在');
    const dupCode = await t.request({ method: 'POST', url: '/api/v1/catalogue/industries', cookie: ha, payload: { code: 'cement', name: '新水泥', unitCode: 'wan_t' } });
    expect(dupCode.statusCode).toBe(409);
    const unit = await t.request({ method: 'POST', url: '/api/v1/catalogue/industries', cookie: ha, payload: { code: 'brick', name: '砖瓦', unitCode: 'wan_pcs' } });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().fields[0].path).toBe('unitCode');
  });

  it('edits an industry, but not its code, not into another’s name, and not its unit while lines use the old one', async () => {
    const put = (code: string, payload: object) => t.request({ method: 'PUT', url: `/api/v1/catalogue/industries/${code}`, cookie: ha, payload });
    const renamed = await put('ceramics', { code: 'ceramics', name: '建筑陶瓷', unitCode: 'wan_t', isKey: true, sortOrder: 150 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '建筑陶瓷', isKey: true });
    expect((await put('ceramics', { code: 'tiles', name: '建筑陶瓷', unitCode: 'wan_t' })).statusCode).toBe(400);
    expect((await put('ceramics', { code: 'ceramics', name: '水泥', unitCode: 'wan_t' })).statusCode).toBe(409);
    expect((await put('no_such', { code: 'no_such', name: '无此行业', unitCode: 'wan_t' })).statusCode).toBe(404);
    // cement has demo lines in 万吨.
    const unit = await put('cement', { code: 'cement', name: '水泥', unitCode: 'wan_m', isKey: true, sortOrder: 9 });
    expect(unit.statusCode).toBe(409);
    expect(unit.json().message).toContain('不能改为“万米”');
    // ceramics has no lines: its unit may change.
    expect((await put('ceramics', { code: 'ceramics', name: '建筑陶瓷', unitCode: 'wan_std_sheet' })).json().unitCode).toBe('wan_std_sheet');
  });

  it('filters basis items by criterion and industry (general items included)', async () => {
    const items = (await get('/api/v1/catalogue/basis-items?criterion=technology&industry=cement')).json();
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((i: { criterion: string }) => i.criterion === 'technology')).toBe(true);
    expect(items.every((i: { industryCode: string | null }) => i.industryCode === 'cement' || i.industryCode === null)).toBe(true);
    expect(items.some((i: { industryCode: string | null }) => i.industryCode === null)).toBe(true);
    const safety = (await get('/api/v1/catalogue/basis-items?criterion=safety')).json();
    expect(safety.map((i: { criterion: string }) => i.criterion)).toEqual(safety.map(() => 'safety'));
  });

  it('adds and deactivates a basis item; a deactivated item cannot be chosen for a new line', async () => {
    const admin = await t.login('admin');
    const body = { criterion: 'energy', industryCode: 'cement', title: '豫地方标准 水泥单位产品能耗限额（测试）', source: '河南省地方标准', active: true };
    expect((await t.request({ method: 'POST', url: '/api/v1/catalogue/basis-items', cookie: gy, payload: body })).statusCode).toBe(403);
    const created = await t.request({ method: 'POST', url: '/api/v1/catalogue/basis-items', cookie: admin, payload: body });
    expect(created.statusCode).toBe(201);
    const item = created.json();
    const badIndustry = await t.request({ method: 'POST', url: '/api/v1/catalogue/basis-items', cookie: admin, payload: { ...body, industryCode: 'no_such' } });
    expect(badIndustry.statusCode).toBe(400);

    const e = await createEnterprise(t, gy);
    const line = await t.request({ method: 'POST', url: `/api/v1/enterprises/${e.id}/lines`, cookie: gy, payload: lineBody({ criterion: 'energy', basisItemId: item.id }) });
    expect(line.statusCode).toBe(201);

    const off = await t.request({ method: 'PUT', url: `/api/v1/catalogue/basis-items/${item.id}`, cookie: ha, payload: { ...body, active: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    const active = (await get('/api/v1/catalogue/basis-items?criterion=energy&industry=cement&active=true')).json();
    expect(active.some((i: { id: number }) => i.id === item.id)).toBe(false);

    const refused = await t.request({ method: 'POST', url: `/api/v1/enterprises/${e.id}/lines`, cookie: gy, payload: lineBody({ criterion: 'energy', basisItemId: item.id }) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('已停用');
    // The line that already cites it can still be edited.
    const l = line.json();
    const edit = await t.request({
      method: 'PUT',
      url: `/api/v1/lines/${l.id}`,
      cookie: gy,
      payload: { ...lineBody({ criterion: 'energy', basisItemId: item.id, capacity: 8 }), version: l.version },
    });
    expect(edit.statusCode).toBe(200);
  });
});
