import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createLine } from './enterprise-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { allocate, call, cementChain, createRootTarget, nameLines, setLineStatus, YEAR } from './target-fixtures.ts';

type Row = { industryCode: string; shortfall: boolean; shortBy: number } & Record<string, unknown>;
const progress = (t: TestApp, cookie: string, region: string) =>
  call(t, cookie, { method: 'GET', url: `/api/v1/targets/progress?region=${region}&year=${YEAR}` });

describe('targets: received, decomposed to regions and named lines, progress per unit', () => {
  let t: TestApp;
  let ha: string;
  let zz: string;
  let gy: string;
  let provinceId: number;
  let zzTargetId: number;
  let gyTargetId: number;
  beforeAll(async () => {
    t = await createTestApp();
    ha = await t.login('ha-office');
    zz = await t.login('zz-office');
    gy = await t.login('gy-office');
  });
  afterAll(() => t.close());

  it('lets the province office enter the target it received, in the industry’s unit only', async () => {
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/targets',
      cookie: ha,
      payload: { regionCode: '410000', year: YEAR, industryCode: 'cement', unitCode: 'wan_weight_box', quantity: 10 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('行业“水泥”的产能单位为“万吨”，目标任务不能以“万重量箱”计');
    const target = await createRootTarget(t, ha);
    provinceId = target.id;
    expect(target).toMatchObject({ quantity: 3000, unitName: '万吨', deadline: '2026-12-31', issuerRegionCode: null, abilities: { update: true, decompose: true } });
    const again = await t.request({ method: 'POST', url: '/api/v1/targets', cookie: ha, payload: { regionCode: '410000', year: YEAR, industryCode: 'cement', unitCode: 'wan_t', quantity: 1 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('河南省2026年水泥目标任务已存在');
    // Another industry in another unit, and one more in 万吨, for the per-unit totals.
    await createRootTarget(t, ha, { industryCode: 'flat_glass', unitCode: 'wan_weight_box', quantity: 120, enterpriseCount: null });
    await createRootTarget(t, ha, { industryCode: 'ironmaking', unitCode: 'wan_t', quantity: 500, enterpriseCount: null });
  });

  it('decomposes the province target to 郑州, which then sees it as received from 河南省', async () => {
    const after = await allocate(t, ha, provinceId, [{ regionCode: '410100', quantity: 1500, enterpriseCount: 8 }]);
    expect(after.decomposition).toMatchObject({ mode: 'regions', decomposed: 1500, shortfall: true, shortBy: 1500 });
    zzTargetId = after.allocations[0].targetId;
    const list = await call(t, zz, { method: 'GET', url: `/api/v1/targets?region=410100&year=${YEAR}` });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: zzTargetId, industryName: '水泥', quantity: 1500, issuerRegionName: '河南省', source: '河南省分解下达' });
    const mine = await call(t, zz, { method: 'GET', url: `/api/v1/targets/${zzTargetId}` });
    expect(mine.abilities).toEqual({ update: false, delete: false, decompose: true });
  });

  it('keeps scope: the province target is absent for 郑州 and 巩义; 郑州’s target cannot be decomposed by the province', async () => {
    for (const c of [zz, gy]) expect((await t.request({ method: 'GET', url: `/api/v1/targets/${provinceId}`, cookie: c })).statusCode).toBe(404);
    const put = await t.request({ method: 'PUT', url: `/api/v1/targets/${provinceId}/allocations`, cookie: zz, payload: { version: 1, items: [] } });
    expect(put.statusCode).toBe(404);
    const byHa = await t.request({ method: 'PUT', url: `/api/v1/targets/${zzTargetId}/allocations`, cookie: ha, payload: { version: 1, items: [] } });
    expect(byHa.statusCode).toBe(403);
    const ent = await t.login('gy-ent');
    expect((await t.request({ method: 'GET', url: `/api/v1/targets/${zzTargetId}`, cookie: ent })).statusCode).toBe(404);
  });

  it('flags the shortfall while 巩义 + 荥阳 are below 郑州’s target and clears it when they match', async () => {
    const short = await allocate(t, zz, zzTargetId, [
      { regionCode: '410181', quantity: 600, enterpriseCount: 4 },
      { regionCode: '410182', quantity: 500, enterpriseCount: 3 },
    ]);
    expect(short.decomposition).toMatchObject({ decomposed: 1100, decomposedEnterpriseCount: 7, shortfall: true, shortBy: 400 });
    let p = await progress(t, zz, '410100');
    expect(p.rows[0]).toMatchObject({ industryCode: 'cement', target: 1500, decomposed: 1100, shortfall: true, shortBy: 400 });

    const full = await allocate(t, zz, zzTargetId, [
      { regionCode: '410181', quantity: 900.25, enterpriseCount: 5 },
      { regionCode: '410182', quantity: 599.75, enterpriseCount: 3 },
    ]);
    expect(full.decomposition).toMatchObject({ decomposed: 1500, shortfall: false, shortBy: 0 });
    expect(full.allocations.map((a: { regionName: string }) => a.regionName)).toEqual(['巩义市', '荥阳市']);
    p = await progress(t, zz, '410100');
    expect(p.rows[0]).toMatchObject({ decomposed: 1500, shortfall: false });
    expect(p.rows[0].children.map((c: { regionCode: string; target: number }) => [c.regionCode, c.target])).toEqual([
      ['410181', 900.25],
      ['410182', 599.75],
    ]);
    gyTargetId = full.allocations[0].targetId;
  });

  it('refuses regions that are not below, duplicates and late deadlines, writing nothing', async () => {
    const before = await call(t, zz, { method: 'GET', url: `/api/v1/targets/${zzTargetId}` });
    const notChild = await allocate(t, zz, zzTargetId, [{ regionCode: '410181', quantity: 1 }, { regionCode: '410202', quantity: 1 }], 400);
    expect(notChild.message).toContain('第2项');
    expect(notChild.message).toContain('不是郑州市可分解的下级区划');
    const dup = await allocate(t, zz, zzTargetId, [{ regionCode: '410181', quantity: 1 }, { regionCode: '410181', quantity: 2 }], 400);
    expect(dup.message).toContain('第2项：与第1项的区划重复');
    const late = await allocate(t, zz, zzTargetId, [{ regionCode: '410181', quantity: 1, deadline: '2027-01-31' }], 400);
    expect(late.message).toContain('不能晚于上级目标任务的完成时限2026-12-31');
    const after = await call(t, zz, { method: 'GET', url: `/api/v1/targets/${zzTargetId}` });
    expect(after.allocations).toEqual(before.allocations);
    expect(after.version).toBe(before.version);
    const stale = await t.request({ method: 'PUT', url: `/api/v1/targets/${zzTargetId}/allocations`, cookie: zz, payload: { version: before.version - 1, items: [] } });
    expect(stale.statusCode).toBe(409);
  });

  it('lets 巩义 name enterprises’ lines of its own county in the same industry', async () => {
    const ent = await createEnterprise(t, gy, { name: '巩义市示范水泥有限公司', regionCode: '410181100' });
    const l1 = await createLine(t, gy, ent.id, { name: '1号机立窑', capacity: 2000 });
    const l2 = await createLine(t, gy, ent.id, { name: '2号机立窑', capacity: 2099.6 });
    const l3 = await createLine(t, gy, ent.id, { name: '3号水泥磨', capacity: 100, plannedExitDate: '2026-10-31' });
    const xyOffice = await t.login('xy-office');
    const xyEnt = await createEnterprise(t, xyOffice, { regionCode: '410182101' });
    const xyLine = await createLine(t, xyOffice, xyEnt.id, { capacity: 5 });
    const glass = await createLine(t, gy, ent.id, { name: '平拉线', industryCode: 'flat_glass', capacityUnit: 'wan_weight_box', capacity: 30 });

    const outside = await nameLines(t, gy, gyTargetId, [{ lineId: l1.id }, { lineId: xyLine.id }], 400);
    expect(outside.message).toContain(`第2项：生产线#${xyLine.id}不存在或不在巩义市`);
    const otherUnit = await nameLines(t, gy, gyTargetId, [{ lineId: glass.id }], 400);
    expect(otherUnit.message).toContain('不同单位的产能不能相加');
    const byZz = await t.request({ method: 'PUT', url: `/api/v1/targets/${gyTargetId}/lines`, cookie: zz, payload: { version: 1, items: [] } });
    expect(byZz.statusCode).toBe(403);

    const candidates = await call(t, gy, { method: 'GET', url: `/api/v1/targets/${gyTargetId}/line-candidates?q=示范水泥` });
    expect(candidates.items.map((c: { lineId: number }) => c.lineId).sort()).toEqual([l1.id, l2.id, l3.id].sort());

    const named = await nameLines(t, gy, gyTargetId, [{ lineId: l1.id }, { lineId: l2.id }, { lineId: l3.id, deadline: '2026-11-30' }]);
    expect(named.decomposition).toMatchObject({ mode: 'lines', decomposed: 4199.6, decomposedEnterpriseCount: 1, shortfall: false });
    expect(named.lines.map((l: { lineName: string; deadline: string }) => [l.lineName, l.deadline])).toEqual([
      ['1号机立窑', '2026-09-30'],
      ['2号机立窑', '2026-09-30'],
      ['3号水泥磨', '2026-11-30'],
    ]);
    const regionsMode = await t.request({ method: 'PUT', url: `/api/v1/targets/${gyTargetId}/allocations`, cookie: gy, payload: { version: named.version, items: [] } });
    expect(regionsMode.statusCode).toBe(400);

    // 郑州 can no longer take 巩义's share away, but may change it.
    const removal = await allocate(t, zz, zzTargetId, [{ regionCode: '410182', quantity: 599.75, enterpriseCount: 3 }], 409);
    expect(removal.message).toContain('巩义市已将该目标任务继续分解');

    await setLineStatus(t, gy, l1, 'eliminated');
    await setLineStatus(t, gy, l2, 'eliminated');
  });

  it('shows target / decomposed / covered / eliminated and the completion rate per industry and unit', async () => {
    const p = await progress(t, ha, '410000');
    const cement = p.rows.find((r: Row) => r.industryCode === 'cement');
    expect(cement).toMatchObject({
      unitName: '万吨',
      target: 3000,
      decomposed: 1500,
      shortfall: true,
      shortBy: 1500,
      covered: 4199.6,
      eliminated: 4099.6,
      coveredEnterprises: 1,
      eliminatedEnterprises: 0,
      completionRateText: '136.7%',
    });
    expect(cement.completionRate).toBeCloseTo(1.36653, 5);
    expect(cement.children).toEqual([expect.objectContaining({ regionName: '郑州市', target: 1500, eliminated: 4099.6, completionRateText: '273.3%' })]);
    const glass = p.rows.find((r: Row) => r.industryCode === 'flat_glass');
    expect(glass).toMatchObject({ unitName: '万重量箱', target: 120, eliminated: 0, completionRateText: '0.0%' });
    // Per unit, never across: 万吨 = 水泥 + 炼铁; 万重量箱 alone.
    expect(p.totals).toEqual([
      expect.objectContaining({ unitName: '万吨', target: 3500, decomposed: 1500, covered: 4199.6, eliminated: 4099.6, completionRateText: '117.1%' }),
      expect.objectContaining({ unitName: '万重量箱', target: 120, decomposed: 0, eliminated: 0 }),
    ]);
    const gyP = await progress(t, gy, '410181');
    expect(gyP.rows[0]).toMatchObject({ mode: 'lines', target: 900.25, covered: 4199.6, eliminated: 4099.6, completionRateText: '455.4%' });
    expect((await t.request({ method: 'GET', url: `/api/v1/targets/progress?region=410000&year=${YEAR}`, cookie: gy })).statusCode).toBe(404);
  });

  it('records every decomposition in the audit log', async () => {
    const admin = await t.login('admin');
    const log = await call(t, admin, { method: 'GET', url: `/api/v1/audit?entityType=target&entityId=${zzTargetId}&action=target.decompose` });
    expect(log.items.length).toBe(2);
    expect(log.items.map((e: { actorName: string }) => e.actorName)).toEqual(['zz-office', 'zz-office']);
    const lines = await call(t, admin, { method: 'GET', url: `/api/v1/audit?entityType=target&entityId=${gyTargetId}&action=target.name_lines` });
    expect(lines.items[0].after.lines).toHaveLength(3);
  });
});

describe('API description', () => {
  it('documents every route of targets, plans and letters with a Chinese summary', async () => {
    const t = await createTestApp();
    try {
      const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
      const mine = Object.entries(doc.paths as Record<string, Record<string, { summary?: string }>>).filter(([p]) =>
        /^\/api\/v1\/(targets|elimination-plans|responsibility-letters)/.test(p),
      );
      const ops = mine.flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => [`${m} ${p}`, op.summary ?? ''] as const));
      expect(ops.length).toBeGreaterThanOrEqual(29);
      for (const [op, summary] of ops) expect(summary, op).toMatch(/[\u4e00-\u9fff]/);
      expect(ops.map(([op]) => op)).toEqual(
        expect.arrayContaining(['get /api/v1/targets/progress', 'post /api/v1/elimination-plans/{id}/transitions', 'post /api/v1/responsibility-letters/{id}/signed-scan']),
      );
    } finally {
      await t.close();
    }
  });
});

describe('the shared cement chain fixture', () => {
  it('builds the same figures on a fresh database', async () => {
    const t = await createTestApp();
    try {
      const c = await cementChain(t);
      const p = await progress(t, c.zz, '410100');
      expect(p.rows[0]).toMatchObject({ target: 1500, decomposed: 1500, covered: 4199.6, eliminated: 0, shortfall: false });
    } finally {
      await t.close();
    }
  });
});
