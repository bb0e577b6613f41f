import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onceRequirement } from './filing-fixtures.ts';
import { byHeader, readExport } from './support/list-export.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

/**
 * 报送管理's tabs, 下级工作方案, the catalogue and the survey rollup on the one list page (issue 11, ADR 0014):
 * the paged endpoints answer the same rows as the array endpoints the forms keep, page by number and cursor,
 * and the exports hold exactly the filtered set with dates as dates and names beside codes.
 */
describe('year-work and catalogue lists on the list page', () => {
  let t: TestApp;
  let ha: string;
  let zz: string;
  const get = (cookie: string, url: string) => call(t, cookie, { method: 'GET', url });
  const ids = (items: { id: number }[]) => items.map((i) => i.id);

  beforeAll(async () => {
    t = await createTestApp();
    ha = await t.login('ha-office');
    zz = await t.login('zz-office');
    for (const title of ['列表页测试一', '列表页测试二', '列表页测试三']) {
      await call(t, ha, { method: 'POST', url: '/api/v1/filing-requirements', payload: onceRequirement({ title }) }, 201);
    }
  });
  afterAll(() => t.close());

  it('报送要求: both tabs page the array endpoint’s rows by number and cursor; the export is the filtered set', async () => {
    for (const [cookie, view] of [
      [ha, 'issued'],
      [zz, 'addressed'],
    ] as const) {
      const all = await get(cookie, `/api/v1/filing-requirements?view=${view}&year=2026`);
      expect(all.length).toBeGreaterThanOrEqual(3);
      const expected = ids(all).sort((a, b) => b - a);
      const p1 = await get(cookie, `/api/v1/filing-requirements/list?view=${view}&year=2026&pageSize=2&withTotal=true`);
      expect(p1).toMatchObject({ total: all.length, page: 1, pageSize: 2 });
      expect(ids(p1.items)).toEqual(expected.slice(0, 2));
      const p2 = await get(cookie, `/api/v1/filing-requirements/list?view=${view}&year=2026&pageSize=2&page=2`);
      expect(ids(p2.items)).toEqual(expected.slice(2, 4));
      expect(ids((await get(cookie, `/api/v1/filing-requirements/list?view=${view}&year=2026&pageSize=2&cursor=${p1.nextCursor}`)).items)).toEqual(ids(p2.items));
      const asc = await get(cookie, `/api/v1/filing-requirements/list?view=${view}&year=2026&pageSize=200&sort=id`);
      expect(ids(asc.items)).toEqual([...expected].reverse());

      const x = await readExport(t, cookie, `/api/v1/filing-requirements/list.xlsx?view=${view}&year=2026`);
      expect(x.status).toBe(200);
      expect(x.autoFilter).toBeTruthy();
      const head = x.header.indexOf('编号');
      expect(head).toBeGreaterThanOrEqual(0);
      const rows = byHeader(x).filter((r) => typeof r.编号 === 'number');
      expect(rows.map((r) => r.编号)).toEqual(expected);
      const one = rows.find((r) => r.报送要求 === '列表页测试二')!;
      expect(one.截止日期).toBeInstanceOf(Date);
      expect((one.截止日期 as Date).toISOString().slice(0, 10)).toBe('2026-04-20');
      expect(one.下达区划代码).toBe('410000');
      expect(one.下达单位).toBe('河南省领导小组办公室');
    }
    // A kind filter narrows the export as it narrows the list.
    const kind = await get(ha, '/api/v1/filing-requirements/list?view=issued&year=2026&kind=survey_result&withTotal=true');
    const kx = await readExport(t, ha, '/api/v1/filing-requirements/list.xlsx?view=issued&year=2026&kind=survey_result');
    expect(kx.rows.filter((r) => typeof r[0] === 'number')).toHaveLength(kind.total);
  });

  it('报送情况总表: units paged, and exported one row per unit with one column per requirement', async () => {
    const m = await get(ha, '/api/v1/filing-matrix?year=2026');
    const page = await get(ha, '/api/v1/filing-matrix/list?year=2026&pageSize=5');
    expect(page.total).toBe(m.rows.length);
    expect(page.items.map((r: { name: string }) => r.name)).toEqual(m.rows.slice(0, 5).map((r: { name: string }) => r.name));
    expect(page.requirements).toEqual(m.requirements);
    const x = await readExport(t, ha, '/api/v1/filing-matrix/export.xlsx?year=2026');
    expect(x.status).toBe(200);
    // A title-less sheet with the filters line first: the header is the autoFilter's row.
    const header = x.rows.find((r) => r[0] === '区划代码')!.map(String);
    expect(header[1]).toBe('报送单位');
    expect(header.some((h) => h.startsWith('列表页测试一（截止2026-04-20）'))).toBe(true);
    const data = x.rows.slice(x.rows.findIndex((r) => r[0] === '区划代码') + 1);
    expect(data.map((r) => r[1])).toEqual(m.rows.map((r: { name: string }) => r.name));
    expect(data.find((r) => r[1] === '郑州市')![0]).toBe('410100');
    // The cells say the state in words (not due yet on the test clock).
    expect(data.flat().some((c) => typeof c === 'string' && /未到期|即将到期|逾期未报/.test(c))).toBe(true);
  });

  it('下级工作方案: the plans below the office only, paged, exported with names beside codes', async () => {
    // The province's plan from its template, 郑州's copied from it (a lower plan follows the upper one).
    await call(t, ha, { method: 'POST', url: '/api/v1/work-plans', payload: { source: 'template', year: 2026, template: 'standard' } }, 201);
    const upper = (await get(zz, '/api/v1/work-plans/effective?year=2026')).plan;
    const phases = upper.phases.map((p: { id: number; startDate: string; endDate: string }) => ({ parentPhaseId: p.id, startDate: p.startDate, endDate: p.endDate }));
    await call(t, zz, { method: 'POST', url: '/api/v1/work-plans', payload: { source: 'parent', year: 2026, phases } }, 201);
    const all: { id: number; regionCode: string }[] = await get(ha, '/api/v1/work-plans?year=2026');
    const lower = all.filter((p) => p.regionCode !== '410000');
    expect(lower.length).toBeGreaterThanOrEqual(1);
    const page = await get(ha, '/api/v1/work-plans/lower?year=2026&pageSize=200');
    expect(page.total).toBe(lower.length);
    expect(page.items.map((p: { regionCode: string }) => p.regionCode)).not.toContain('410000');
    const mine = await get(zz, '/api/v1/work-plans/lower?year=2026&pageSize=200');
    expect(mine.items.map((p: { regionCode: string }) => p.regionCode)).not.toContain('410000');
    const x = await readExport(t, ha, '/api/v1/work-plans/lower.xlsx?year=2026');
    expect(x.status).toBe(200);
    const rows = byHeader(x);
    expect(rows).toHaveLength(lower.length);
    const zzRow = rows.find((r) => r.区划代码 === '410100')!;
    expect(zzRow.区划).toBe('郑州市');
    expect(zzRow.更新时间).toBeInstanceOf(Date);
  });

  it('行业与判定依据: list endpoints beside the arrays, filtered and exported alike', async () => {
    const industries = await get(zz, '/api/v1/catalogue/industries');
    const ip = await get(zz, '/api/v1/catalogue/industries/list?pageSize=3');
    expect(ip.total).toBe(industries.length);
    expect(ip.items.map((i: { code: string }) => i.code)).toEqual(industries.slice(0, 3).map((i: { code: string }) => i.code));
    expect(ip.items[0].unitName).toBeTruthy();
    const ix = await readExport(t, zz, '/api/v1/catalogue/industries/list.xlsx?isKey=true');
    const keyCount = industries.filter((i: { isKey: boolean }) => i.isKey).length;
    expect(byHeader(ix)).toHaveLength(keyCount);
    expect(byHeader(ix).every((r) => r.重点行业 === '是' && typeof r.产能单位 === 'string')).toBe(true);

    const basis = await get(zz, '/api/v1/catalogue/basis-items?criterion=environment');
    const bp = await get(zz, '/api/v1/catalogue/basis-items/list?criterion=environment&pageSize=200');
    expect(bp.total).toBe(basis.length);
    const bx = await readExport(t, zz, '/api/v1/catalogue/basis-items/list.xlsx?criterion=environment');
    expect(byHeader(bx).map((r) => r.编号)).toEqual(ids(basis).sort((a, b) => a - b));
    expect(byHeader(bx).every((r) => r.不达标类别 === '环保')).toBe(true);
  });

  it('淘汰计划 and 公告公示: the lists that paged by number only export their whole filtered set too', async () => {
    const gy = await t.login('gy-office');
    await call(t, gy, { method: 'POST', url: '/api/v1/elimination-plans', payload: { regionCode: '410181', year: 2026 } }, 201);
    for (const [list, xlsx] of [
      ['/api/v1/elimination-plans', '/api/v1/elimination-plans/list.xlsx'],
      ['/api/v1/announcements', '/api/v1/announcements/list.xlsx'],
    ]) {
      const page = await get(ha, `${list}?year=2026&pageSize=1&withTotal=true`);
      const x = await readExport(t, ha, `${xlsx}?year=2026`);
      expect(x.status).toBe(200);
      expect(x.autoFilter).toBeTruthy();
      expect(x.rows).toHaveLength(page.total);
      expect(x.header.indexOf('区划')).toBe(x.header.indexOf('区划代码') + 1);
      const out = await t.request({ method: 'GET', url: `${xlsx}?region=420000`, cookie: zz });
      expect(out.statusCode).toBe(404);
    }
    const plans = byHeader(await readExport(t, ha, '/api/v1/elimination-plans/list.xlsx?year=2026&region=410181'));
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ 区划代码: '410181', 区划: '巩义市', 状态: '草稿' });
    expect(plans[0]!.更新时间).toBeInstanceOf(Date);
  });

  it('摸底排查汇总: the whole tree in tree order, names indented by level with the upper regions beside them', async () => {
    const top = await get(ha, '/api/v1/survey-rollup?year=2026');
    const x = await readExport(t, ha, '/api/v1/survey-rollup/export.xlsx?year=2026');
    expect(x.status).toBe(200);
    expect(x.autoFilter).toBeTruthy();
    const hi = x.rows.findIndex((r) => r[0] === '区划代码');
    const header = x.rows[hi]!.map(String);
    const data = x.rows.slice(hi + 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])));
    const firstLevel = data.filter((r) => !String(r.区划).startsWith('　'));
    expect(firstLevel.map((r) => r.区划代码)).toEqual(top.root.nodes.map((n: { regionCode: string }) => n.regionCode));
    expect(data.length).toBeGreaterThan(firstLevel.length);
    const town = data.find((r) => r.区划代码 === '410181101')!;
    // 巩义 reports to the province directly (省直管县), so its towns are one level below the first.
    expect(town.区划).toMatch(/^　\S/);
    expect(town.上级区划).toBe('河南省 / 巩义市');
    const out = await t.request({ method: 'GET', url: '/api/v1/survey-rollup/export.xlsx?year=2026&region=420000', cookie: zz });
    expect(out.statusCode).toBe(404);
  });
});
