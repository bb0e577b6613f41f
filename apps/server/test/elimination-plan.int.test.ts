import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filing, surveyLine, surveyReport } from '../src/db/schema/index.ts';
import { planRepository } from '../src/modules/elimination-plan/index.ts';
import { DUTY_RULES, lifecycleRepository } from '../src/platform/lifecycle/index.ts';
import { createEnterprise, createLine } from './enterprise-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call, setLineStatus, YEAR } from './target-fixtures.ts';

describe('annual elimination plan: lines from the registry, approval, announcement list', () => {
  let t: TestApp;
  let gy: string;
  let zz: string;
  let ha: string;
  let planId: number;
  let lines: Record<string, { id: number; version: number } & Record<string, unknown>>;
  const plan = (cookie = gy) => call(t, cookie, { method: 'GET', url: `/api/v1/elimination-plans/${planId}` });
  const fire = (cookie: string, event: string, reason?: string) =>
    t.request({ method: 'POST', url: `/api/v1/elimination-plans/${planId}/transitions`, cookie, payload: { event, reason } });

  beforeAll(async () => {
    t = await createTestApp();
    gy = await t.login('gy-office');
    zz = await t.login('zz-office');
    ha = await t.login('ha-office');
    const ent = await createEnterprise(t, gy, { name: '=HYPERLINK("http://x","点我")水泥有限公司', regionCode: '410181100' });
    const glassEnt = await createEnterprise(t, gy, { name: '巩义市示例玻璃有限公司', regionCode: 'P000001', industryCode: 'flat_glass' });
    const xyOffice = await t.login('xy-office');
    const xyEnt = await createEnterprise(t, xyOffice, { regionCode: '410182101' });
    lines = {
      kiln: await createLine(t, gy, ent.id, { name: '+1号机立窑', capacity: 12.5 }),
      mill: await createLine(t, gy, ent.id, { name: '水泥磨', specification: 'Φ2.2m 水泥磨', capacity: 7.25, plannedExitDate: '2026-06-30' }),
      gone: await createLine(t, gy, ent.id, { name: '已拆除立窑', capacity: 3 }),
      glass: await createLine(t, gy, glassEnt.id, {
        name: '平拉线',
        industryCode: 'flat_glass',
        capacityUnit: 'wan_weight_box',
        capacity: 30,
        plannedExitDate: null,
        basisText: '平拉工艺平板玻璃生产线（含格法）',
      }),
      xy: await createLine(t, xyOffice, xyEnt.id, { capacity: 5 }),
    };
    lines.gone = await setLineStatus(t, gy, lines.gone!, 'eliminated');
  });
  afterAll(() => t.close());

  it('is drafted by the region’s own office, once per year', async () => {
    const created = await call(t, gy, { method: 'POST', url: '/api/v1/elimination-plans', payload: { regionCode: '410181', year: YEAR } }, 201);
    planId = created.id;
    expect(created).toMatchObject({ title: '巩义市2026年淘汰落后产能计划', status: 'draft', lineCount: 0, abilities: { editLines: true, submit: true, approve: false } });
    const again = await t.request({ method: 'POST', url: '/api/v1/elimination-plans', cookie: gy, payload: { regionCode: '410181', year: YEAR } });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('巩义市2026年淘汰计划已存在');
    const byCity = await t.request({ method: 'POST', url: '/api/v1/elimination-plans', cookie: zz, payload: { regionCode: '410181', year: 2027 } });
    expect(byCity.statusCode).toBe(403);
    const xy = await t.login('xy-office');
    expect((await t.request({ method: 'GET', url: `/api/v1/elimination-plans/${planId}`, cookie: xy })).statusCode).toBe(404);
  });

  it('offers the region’s lines that are neither eliminated nor in the plan', async () => {
    const page = await call(t, gy, { method: 'GET', url: `/api/v1/elimination-plans/${planId}/candidates?q=水泥有限公司&limit=500` });
    const ids = page.items.map((c: { lineId: number }) => c.lineId);
    expect(ids).toEqual(expect.arrayContaining([lines.kiln!.id, lines.mill!.id]));
    expect(ids).not.toContain(lines.gone!.id);
    expect(ids).not.toContain(lines.xy!.id);
  });

  it('takes lines with deadlines, refusing other regions’, eliminated and duplicate lines without writing anything', async () => {
    const v = (await plan()).version;
    const add = (items: unknown[], version = v) =>
      t.request({ method: 'POST', url: `/api/v1/elimination-plans/${planId}/lines`, cookie: gy, payload: { version, items } });
    let res = await add([{ lineId: lines.kiln!.id }, { lineId: lines.xy!.id }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(`第2项：生产线#${lines.xy!.id}不存在或不在巩义市`);
    res = await add([{ lineId: lines.gone!.id }]);
    expect(res.json().message).toContain('已淘汰，不能再列入计划');
    res = await add([{ lineId: lines.kiln!.id }, { lineId: lines.kiln!.id }]);
    expect(res.json().message).toContain('第2项：生产线“+1号机立窑”');
    res = await add([{ lineId: lines.kiln!.id, exitDeadline: '2028-01-01' }]);
    expect(res.json().message).toContain('淘汰期限应在2026-01-01至2027-12-31之间');
    expect((await plan()).lineCount).toBe(0);
    expect((await add([{ lineId: lines.kiln!.id }], v - 1)).statusCode).toBe(409);

    res = await add([{ lineId: lines.kiln!.id, exitDeadline: '2026-09-30' }, { lineId: lines.mill!.id }, { lineId: lines.glass!.id }]);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.lines.map((l: { lineName: string; exitDeadline: string; regionName: string }) => [l.lineName, l.exitDeadline, l.regionName])).toEqual([
      ['+1号机立窑', '2026-09-30', '米河镇'],
      ['水泥磨', '2026-06-30', '米河镇'],
      ['平拉线', '2026-12-31', '巩义市产业集聚区（示例）'],
    ]);
    expect(p.totals).toEqual([
      { unitCode: 'wan_t', unitName: '万吨', capacity: 19.75, lineCount: 2, enterpriseCount: 1 },
      { unitCode: 'wan_weight_box', unitName: '万重量箱', capacity: 30, lineCount: 1, enterpriseCount: 1 },
    ]);
  });

  it('changes a deadline and removes a line while drafted', async () => {
    let p = await plan();
    p = await call(t, gy, { method: 'PUT', url: `/api/v1/elimination-plans/${planId}/lines/${lines.mill!.id}`, payload: { version: p.version, exitDeadline: '2026-08-31' } });
    expect(p.lines.find((l: { lineId: number }) => l.lineId === lines.mill!.id).exitDeadline).toBe('2026-08-31');
    const extra = await createLine(t, gy, lines.kiln!.enterpriseId as number, { name: '临时线', capacity: 1 });
    p = await call(t, gy, { method: 'POST', url: `/api/v1/elimination-plans/${planId}/lines`, payload: { version: p.version, items: [{ lineId: extra.id }] } });
    expect(p.lineCount).toBe(4);
    p = await call(t, gy, { method: 'DELETE', url: `/api/v1/elimination-plans/${planId}/lines/${extra.id}?version=${p.version}` });
    expect(p.lineCount).toBe(3);
  });

  it('moves through the approval machine: only allowed events, by the right office, with a reason to return', async () => {
    let res = await fire(gy, 'approve');
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('计划当前为“草稿”，不能批准');
    expect((await fire(zz, 'submit')).statusCode).toBe(403);
    res = await fire(gy, 'submit');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', availableEvents: ['withdraw'], abilities: { editLines: false, withdraw: true, approve: false } });
    const locked = await t.request({ method: 'POST', url: `/api/v1/elimination-plans/${planId}/lines`, cookie: gy, payload: { version: res.json().version, items: [{ lineId: lines.kiln!.id }] } });
    expect(locked.statusCode).toBe(409);
    res = await fire(ha, 'return');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('退回时请填写原因');
    res = await fire(ha, 'return', '请补充平板玻璃生产线的判定依据');
    expect(res.json()).toMatchObject({ status: 'draft', returnReason: '请补充平板玻璃生产线的判定依据' });
    expect((await fire(gy, 'submit')).json().status).toBe('submitted');
  });

  it('is approved by the level above only: 巩义 is a 省直管县, so by the province, never by its submitter (四眼原则)', async () => {
    let res = await fire(gy, 'approve');
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe(DUTY_RULES.planSelf);
    // 郑州 is above 巩义 in the administrative tree (it sees the plan) but 巩义 reports to the province.
    res = await fire(zz, 'approve');
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe(DUTY_RULES.planUpper);
    expect((await plan(zz)).availableEvents).toEqual([]);
    expect((await plan(ha)).availableEvents).toEqual(['return', 'approve']);
  });

  it('lets only one of two concurrent approvals through, and marks the lines planned', async () => {
    const admin = await t.login('admin');
    const [a, b] = await Promise.all([fire(ha, 'approve', '同意。'), fire(admin, 'approve')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().message).toMatch(/已被他人改变|不能批准/);
    const p = await plan();
    expect(p.status).toBe('approved');
    expect(p.availableEvents).toEqual([]);
    expect(p.abilities).toMatchObject({ submit: false, withdraw: false, return: false, approve: false, editLines: false, export: true });
    // The guard itself: a transition from a status the plan has left updates nothing.
    expect(await lifecycleRepository.guardedUpdate(t.ctx.db, planRepository.table, planId, 'submitted', 'approved', {})).toBeNull();

    const ent = await call(t, gy, { method: 'GET', url: `/api/v1/enterprises/${lines.kiln!.enterpriseId}` });
    const kiln = ent.lines.find((l: { id: number }) => l.id === lines.kiln!.id);
    expect(kiln).toMatchObject({ status: 'planned', plannedExitDate: '2026-09-30', version: lines.kiln!.version + 1 });
    const mill = ent.lines.find((l: { id: number }) => l.id === lines.mill!.id);
    expect(mill).toMatchObject({ status: 'planned', plannedExitDate: '2026-08-31' });
    // An edit based on the line as it was before approval is stale now.
    const stale = await t.request({ method: 'PUT', url: `/api/v1/lines/${lines.kiln!.id}`, cookie: gy, payload: { ...kiln, version: lines.kiln!.version } });
    expect(stale.statusCode).toBe(409);

    expect((await fire(gy, 'withdraw')).statusCode).toBe(409);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/elimination-plans/${planId}?version=${p.version}`, cookie: gy })).statusCode).toBe(409);
    const log = await call(t, admin, { method: 'GET', url: `/api/v1/audit?entityType=elimination_plan&entityId=${planId}&action=elimination_plan.approve` });
    expect(log.items).toHaveLength(1);
    expect(log.items[0].after.lines.map((l: { id: number }) => l.id).sort()).toEqual([lines.kiln!.id, lines.mill!.id, lines.glass!.id].sort());
  });

  it('keeps its history: who moved it, when, from what to what, with the reason and the opinion; scoped like the plan', async () => {
    const h = await call(t, zz, { method: 'GET', url: `/api/v1/elimination-plans/${planId}/history` });
    expect(h.map((e: { event: string; fromStatus: string; toStatus: string }) => [e.event, e.fromStatus, e.toStatus])).toEqual([
      ['submit', 'draft', 'submitted'],
      ['return', 'submitted', 'draft'],
      ['submit', 'draft', 'submitted'],
      ['approve', 'submitted', 'approved'],
    ]);
    expect(h[1]).toMatchObject({ eventLabel: '退回', toLabel: '草稿', reason: '请补充平板玻璃生产线的判定依据', actorName: expect.any(String) });
    expect(h[3].payload.lines).toHaveLength(3);
    const xy = await t.login('xy-office');
    expect((await t.request({ method: 'GET', url: `/api/v1/elimination-plans/${planId}/history`, cookie: xy })).statusCode).toBe(404);
  });

  it('is listed for the city above with per-unit totals', async () => {
    const list = await call(t, zz, { method: 'GET', url: `/api/v1/elimination-plans?year=${YEAR}` });
    const mine = list.items.find((p: { id: number }) => p.id === planId);
    expect(mine).toMatchObject({ regionName: '巩义市', status: 'approved', lineCount: 3 });
    expect(mine.totals.map((u: { unitName: string; capacity: number }) => [u.unitName, u.capacity])).toEqual([
      ['万吨', 19.75],
      ['万重量箱', 30],
    ]);
  });

  it('exports the announcement list with the lines and one total per unit, formulas neutralised', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/elimination-plans/${planId}/export.xlsx`, cookie: zz });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('巩义市2026年淘汰落后产能计划.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('淘汰计划')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]![0]).toBe('巩义市2026年淘汰落后产能计划');
    // The one xlsx helper (ADR 0014): the region's name beside its code, the deadline a real date, a filtered header, landscape.
    expect(rows[2]).toEqual(['序号', '区划代码', '所在地区', '企业名称', '统一社会信用代码', '行业', '生产线（设备）名称', '规格型号', '数量（台/套）', '产能', '产能单位', '不达标类别', '判定依据', '淘汰期限']);
    const data = rows.slice(3).filter((r) => typeof r[0] === 'number');
    expect(data).toHaveLength(3);
    expect(data[0]).toEqual([1, '410181100', '米河镇', `'=HYPERLINK("http://x","点我")水泥有限公司`, expect.any(String), '水泥', "'+1号机立窑", 'Φ3×11m 机立窑', 1, 12.5, '万吨', '技术', expect.stringContaining('淘汰类'), new Date('2026-09-30T00:00:00Z')]);
    expect(data[2]!.slice(5, 11)).toEqual(['平板玻璃', '平拉线', 'Φ3×11m 机立窑', 1, 30, '万重量箱']);
    expect(JSON.stringify(ws.autoFilter)).toContain('A3');
    expect(ws.pageSetup.orientation).toBe('landscape');
    // No cell is a formula.
    ws.eachRow((r) => r.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    const totals = rows.filter((r) => r[0] === '合计');
    expect(totals.map((r) => [r[1], r[3], r[6], r[9], r[10]])).toEqual([
      ['万吨', '1家企业', '2条生产线', 19.75, '万吨'],
      ['万重量箱', '1家企业', '1条生产线', 30, '万重量箱'],
    ]);
  });
});

describe('plan candidates prefer lines from accepted survey filings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A survey filing of 荥阳 for the autumn before the plan year, as the survey module stores it. */
  async function surveyFiling(status: string, line: { lineId: number; enterpriseId: number; enterpriseName: string; uscc: string; regionCode: string }) {
    const now = t.clock.now();
    const [f] = await t.ctx.db
      .insert(filing)
      .values({
        requirementId: 1,
        targetId: 1,
        periodKey: status,
        year: YEAR - 1,
        filerRegionCode: '410182',
        status,
        revision: 1,
        dueDate: '2025-12-15',
        submittedDate: '2025-12-10',
        submittedBy: 1,
        submittedAt: now,
        lastSubmittedAt: now,
        updatedAt: now,
      })
      .returning();
    await t.ctx.db.insert(surveyReport).values({ filingId: f!.id, regionCode: '410182', year: YEAR - 1, zeroReport: false });
    await t.ctx.db.insert(surveyLine).values({
      filingId: f!.id,
      revision: 1,
      lineName: 'x',
      capacity: '1',
      capacityUnit: 'wan_t',
      industryCode: 'cement',
      criterion: 'technology',
      lineStatus: 'registered',
      ...line,
    });
  }

  it('offers every registered line until a survey is accepted, then only the surveyed ones (unless asked for all)', async () => {
    const xy = await t.login('xy-office');
    const plan = await call(t, xy, { method: 'POST', url: '/api/v1/elimination-plans', payload: { regionCode: '410182', year: YEAR } }, 201);
    const url = (q: string) => `/api/v1/elimination-plans/${plan.id}/candidates?limit=500${q}`;
    const before = await call(t, xy, { method: 'GET', url: url('') });
    expect(before.source).toBe('registry');
    expect(before.items.length).toBeGreaterThan(2);
    expect(before.items.every((c: { surveyed: boolean }) => !c.surveyed)).toBe(true);

    const [accepted, returned] = before.items as { lineId: number; enterpriseId: number; enterpriseName: string; uscc: string; regionCode: string }[];
    const pick = (c: typeof accepted) => ({ lineId: c!.lineId, enterpriseId: c!.enterpriseId, enterpriseName: c!.enterpriseName, uscc: c!.uscc, regionCode: c!.regionCode });
    await surveyFiling('accepted', pick(accepted));
    await surveyFiling('returned', pick(returned));

    const auto = await call(t, xy, { method: 'GET', url: url('') });
    expect(auto.source).toBe('survey');
    expect(auto.items.map((c: { lineId: number; surveyed: boolean }) => [c.lineId, c.surveyed])).toEqual([[accepted!.lineId, true]]);
    const all = await call(t, xy, { method: 'GET', url: url('&source=registry') });
    expect(all.source).toBe('registry');
    expect(all.items).toHaveLength(before.items.length);
    const flags = new Map(all.items.map((c: { lineId: number; surveyed: boolean }) => [c.lineId, c.surveyed]));
    expect(flags.get(accepted!.lineId)).toBe(true);
    expect(flags.get(returned!.lineId)).toBe(false);
  });
});
