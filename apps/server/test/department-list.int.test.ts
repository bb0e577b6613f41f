import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createLine } from './enterprise-fixtures.ts';
import { agencyId, insertCase } from './support/department-list-fixture.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

/** Issue 12 "Yellow and red lists": every open case under a deadline (yellow) and every case ordered closed (red), per ground, scoped. */
describe('department lists: yellow and red, by ground, in scope', () => {
  let t: TestApp;
  let gy: string;
  let fgw: string;
  let sthj: string;
  let xy: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    gy = await t.login('gy-office');
    fgw = await t.login('gy-fgw');
    sthj = await t.login('gy-sthj');
    xy = await t.login('xy-office');
    const ent = await createEnterprise(t, gy, { name: '巩义市名单测试水泥有限公司', regionCode: '410181100' });
    const kiln = await createLine(t, gy, ent.id, { name: '名单测试立窑', capacity: 20 });
    const xyEnt = await createEnterprise(t, xy, { name: '荥阳市名单测试企业', regionCode: '410182101' });
    const dev = await agencyId(t, '410181', 'development');
    const eco = await agencyId(t, '410181', 'ecology');
    ids.energy = await insertCase(t, { enterpriseId: ent.id, lineId: kiln.id, agencyId: dev, criterion: 'energy', status: 'rectifying', deadline: '2026-02-01' });
    ids.env = await insertCase(t, { enterpriseId: ent.id, lineId: kiln.id, agencyId: eco, criterion: 'environment', status: 'suspended', deadline: '2026-09-30' });
    ids.red = await insertCase(t, { enterpriseId: ent.id, lineId: kiln.id, agencyId: dev, criterion: 'energy', status: 'closure_ordered', closureDecisionNo: '巩发改关〔2026〕1号', concludedOn: '2026-02-20' });
    ids.rectified = await insertCase(t, { enterpriseId: ent.id, agencyId: eco, criterion: 'environment', status: 'rectified' });
    ids.xy = await insertCase(t, { enterpriseId: xyEnt.id, agencyId: dev, criterion: 'energy', status: 'rectifying' });
  });
  afterAll(async () => t.close());

  const list = (cookie: string, qs: string, status = 200) => call(t, cookie, { method: 'GET', url: `/api/v1/department-lists?${qs}` }, status);

  it('lists the yellow cases of the office’s region with enterprise, line, capacity, decision, served date and deadline', async () => {
    const page = await list(gy, 'colour=yellow');
    expect(page.items.map((e: { caseId: number }) => e.caseId)).toEqual([ids.env, ids.energy]);
    expect(page.total).toBe(2);
    const energy = page.items.find((e: { caseId: number }) => e.caseId === ids.energy);
    expect(energy).toMatchObject({
      colour: 'yellow',
      criterion: 'energy',
      status: 'rectifying',
      enterpriseName: '巩义市名单测试水泥有限公司',
      lineName: '名单测试立窑',
      capacity: 20,
      unitName: '万吨',
      agencyName: '巩义市发展和改革委员会',
      servedOn: '2026-01-15',
      deadline: '2026-02-01',
      // The test clock is 2026-03-02: the deadline has passed.
      overdue: true,
    });
    expect(energy.decisionNo).toMatch(/^巩测〔2026〕\d+号$/);
  });

  it('filters by ground and lists the red list; rectified cases are on neither', async () => {
    expect((await list(gy, 'colour=yellow&criterion=environment')).items.map((e: { caseId: number }) => e.caseId)).toEqual([ids.env]);
    const red = await list(gy, 'colour=red');
    expect(red.items).toEqual([expect.objectContaining({ caseId: ids.red, colour: 'red', status: 'closure_ordered', closureDecisionNo: '巩发改关〔2026〕1号', overdue: false })]);
    const all = [...(await list(gy, 'colour=yellow')).items, ...red.items].map((e: { caseId: number }) => e.caseId);
    expect(all).not.toContain(ids.rectified);
  });

  it('keeps each caller to its scope: a department sees its own agency’s cases, another county none, the province all', async () => {
    expect((await list(fgw, 'colour=yellow')).items.map((e: { caseId: number }) => e.caseId)).toEqual([ids.energy]);
    expect((await list(sthj, 'colour=yellow')).items.map((e: { caseId: number }) => e.caseId)).toEqual([ids.env]);
    expect((await list(xy, 'colour=yellow')).items.map((e: { caseId: number }) => e.caseId)).toEqual([ids.xy]);
    expect((await list(xy, 'colour=red')).items).toEqual([]);
    const ha = await t.login('ha-office');
    expect((await list(ha, 'colour=yellow&withTotal=true')).total).toBe(3);
    // A region outside the caller's subtree answers 404 like a missing one.
    await list(xy, 'colour=yellow&region=410181', 404);
    await list(gy, 'colour=yellow&region=999999', 404);
    await list(gy, 'colour=green', 400);
  });

  it('reads the cases by the case module’s one rule: a town or auditor account sees no case here, as on /cases', async () => {
    for (const name of ['gy-town', 'auditor']) {
      const cookie = await t.login(name);
      expect((await call(t, cookie, { method: 'GET', url: '/api/v1/cases?withTotal=true' })).total).toBe(0);
      const page = await list(cookie, 'colour=yellow&withTotal=true');
      expect(page.items).toEqual([]);
      expect(page.total).toBe(0);
      expect(await call(t, cookie, { method: 'GET', url: '/api/v1/department-lists/counts' })).toEqual({ byCriterion: [], byAgency: [] });
    }
    // A department's plan candidates come from its own agency's cases only (the red case is 发改委's).
    const candidates = (cookie: string) => call(t, cookie, { method: 'GET', url: '/api/v1/department-lists/plan-candidates?region=410181&year=2026' });
    expect((await candidates(fgw)).map((c: { caseId: number }) => c.caseId)).toEqual([ids.red]);
    expect(await candidates(sthj)).toEqual([]);
    expect((await candidates(gy)).map((c: { caseId: number }) => c.caseId)).toEqual([ids.red]);
  });

  it('exports the filtered list as xlsx with real dates and names beside codes', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/department-lists.xlsx?colour=yellow&criterion=energy', cookie: gy });
    expect(res.statusCode, res.body).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('黄牌名单-能耗不达标');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values: unknown[][] = [];
    ws.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const header = values.find((r) => r.includes('企业名称'))!;
    const data = values.filter((r) => r.includes('巩义市名单测试水泥有限公司'));
    expect(data).toHaveLength(1);
    const cell = (name: string) => data[0]![header.indexOf(name)];
    expect(cell('所在地区')).toBe('米河镇');
    expect(cell('区划代码')).toBe('410181100');
    expect(cell('整改期限')).toBeInstanceOf(Date);
    expect(cell('状态')).toBe('限期整改（已逾期）');
  });

  it('counts cases by ground and state, and listed cases by department, in the caller’s scope (dashboard)', async () => {
    const counts = await call(t, gy, { method: 'GET', url: '/api/v1/department-lists/counts' });
    expect(counts.byCriterion).toEqual([
      { criterion: 'energy', status: 'closure_ordered', count: 1 },
      { criterion: 'energy', status: 'rectifying', count: 1 },
      { criterion: 'environment', status: 'rectified', count: 1 },
      { criterion: 'environment', status: 'suspended', count: 1 },
    ]);
    expect(counts.byAgency).toEqual([
      expect.objectContaining({ agencyName: '巩义市发展和改革委员会', yellow: 1, red: 1 }),
      expect.objectContaining({ agencyName: '巩义市生态环境局', yellow: 1, red: 0 }),
    ]);
    const mine = await call(t, sthj, { method: 'GET', url: '/api/v1/department-lists/counts' });
    expect(mine.byAgency).toEqual([expect.objectContaining({ agencyName: '巩义市生态环境局', yellow: 1, red: 0 })]);
    await call(t, xy, { method: 'GET', url: '/api/v1/department-lists/counts?region=410181' }, 404);
  });

  it('prefills the year’s 违法违规企业处理情况 table from the cases as xlsx (ground, decision, state, outcome)', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/department-lists/case-table.xlsx?year=2026', cookie: gy });
    expect(res.statusCode, res.body).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('巩义市2026年违法违规企业处理情况.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.find((r) => r.includes('处理结果'))!;
    const data = rows.filter((r) => typeof r[0] === 'number');
    // 巩义's four cases; 荥阳's is not in 巩义's table.
    expect(data).toHaveLength(4);
    const outcome = data.map((r) => r[header.indexOf('处理结果')]);
    expect(outcome).toContain('整改仍不达标，责令关闭（巩发改关〔2026〕1号）');
    expect(outcome).toContain('限期整改中，期限2026-02-01');
    expect(data.map((r) => r[header.indexOf('违法违规（不达标）类别')])).toEqual(expect.arrayContaining(['能耗不达标', '环保不达标']));
  });
});
