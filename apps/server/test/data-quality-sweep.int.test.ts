import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataQualityFlag, filing, line, region, surveyLine, surveyReport } from '../src/db/schema/index.ts';
import { runDataQualitySweep } from '../src/modules/data-quality/index.ts';
import { createEnterprise, createLine } from './enterprise-fixtures.ts';
import { approvedGongyiPlan } from './exit-task-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { allocate, call, cementChain } from './target-fixtures.ts';

interface Flag {
  id: number;
  kind: string;
  entityType: string;
  entityId: number;
  message: string;
  status: string;
  resolutionNote: string | null;
  resolvedByName: string | null;
  link: string | null;
  hasHistory: boolean;
}

/** Issue 10 §4 (ADR 0018): reconciliation and registry anomalies, raised once, resolved when they disappear. */
describe('data-quality sweep: reconciliation and registry anomalies', () => {
  let t: TestApp;
  let ha: string;
  let gy: string;
  let chain: Awaited<ReturnType<typeof cementChain>>;
  const recheck = (cookie: string, region?: string, status = 200) =>
    call(t, cookie, { method: 'POST', url: '/api/v1/data-quality/recheck', payload: region ? { region } : {} }, status);
  const flagsOf = async (cookie: string, kind: string, entityId: number, entityType?: string): Promise<Flag[]> => {
    const page = await call(t, cookie, { method: 'GET', url: `/api/v1/data-quality/flags?kind=${kind}&limit=200` });
    return page.items.filter((f: Flag) => f.entityId === entityId && (!entityType || f.entityType === entityType));
  };

  beforeAll(async () => {
    t = await createTestApp();
    chain = await cementChain(t);
    ha = chain.ha;
    gy = chain.gy;
  });
  afterAll(async () => t.close());

  it('reconciles a decomposed target with the sum of its children, raises it once, and resolves it when it adds up', async () => {
    const first = await recheck(ha);
    expect(first.raised).toBeGreaterThan(0);
    let flags = await flagsOf(ha, 'reconciliation_mismatch', chain.province.id);
    expect(flags.map((f) => [f.status, f.message])).toEqual([['open', '河南省 2026年 水泥 目标 3000 万吨，下级合计 1500 万吨，差 1500 万吨']]);
    // 郑州 1,500 = 巩义 900 + 荥阳 600; 巩义's named lines cover more than 900 with their whole capacity: no flag.
    expect(await flagsOf(ha, 'reconciliation_mismatch', chain.zzTargetId)).toEqual([]);
    expect(await flagsOf(ha, 'reconciliation_mismatch', chain.gyTargetId)).toEqual([]);

    const again = await recheck(ha);
    expect(again).toMatchObject({ raised: 0, resolved: 0, stillOpen: first.stillOpen });
    expect(await flagsOf(ha, 'reconciliation_mismatch', chain.province.id)).toHaveLength(1);

    await allocate(t, ha, chain.province.id, [
      { regionCode: '410100', quantity: 1500, enterpriseCount: 8 },
      { regionCode: '410300', quantity: 1500, enterpriseCount: 8 },
    ]);
    const after = await recheck(ha);
    expect(after.resolved).toBe(1);
    flags = await flagsOf(ha, 'reconciliation_mismatch', chain.province.id);
    expect(flags).toEqual([expect.objectContaining({ status: 'resolved', resolvedByName: null, resolutionNote: expect.stringContaining('问题已不存在，自动处理') })]);
  });

  it('reconciles a survey result with its reporting children’s once all have filed, and resolves when they agree', async () => {
    const now = new Date();
    let target = 900_000;
    const file = async (regionCode: string, capacity: number | null) => {
      const [f] = await t.ctx.db
        .insert(filing)
        .values({ requirementId: 900_000, targetId: target++, periodKey: '2029', year: 2029, filerRegionCode: regionCode, status: 'accepted', dueDate: '2029-06-30', submittedDate: '2029-06-01', submittedBy: 1, submittedAt: now, lastSubmittedAt: now, updatedAt: now })
        .returning();
      await t.ctx.db.insert(surveyReport).values({ filingId: f!.id, regionCode, year: 2029, zeroReport: capacity === null });
      if (capacity !== null) {
        await t.ctx.db.insert(surveyLine).values({ filingId: f!.id, revision: 1, lineId: 1, enterpriseId: 1, enterpriseName: '示例', uscc: 'X', regionCode, lineName: '1号机立窑', capacity: String(capacity), capacityUnit: 'wan_t', industryCode: 'cement', criterion: 'technology', lineStatus: 'registered' });
      }
      return f!.id;
    };
    const kids = await t.ctx.db.select({ code: region.code }).from(region).where(eq(region.parentCode, '410181'));
    const gyFiling = await file('410181', 12);
    for (const k of kids.slice(1)) await file(k.code, k.code === '410181100' ? 15 : null);
    // 米河镇 or another child has not filed yet: incomplete, not a contradiction.
    await recheck(ha);
    const missing = kids[0]!.code;
    expect(await flagsOf(ha, 'reconciliation_mismatch', gyFiling, 'filing')).toEqual([]);
    await file(missing, missing === '410181100' ? 15 : null);
    await recheck(ha);
    const [f] = await flagsOf(ha, 'reconciliation_mismatch', gyFiling, 'filing');
    expect(f).toMatchObject({ status: 'open', entityType: 'filing', link: `/filings/${gyFiling}`, message: '巩义市 2029年 排查结果 12 万吨，下级合计 15 万吨，本级少 3 万吨' });
    await t.ctx.db.update(surveyLine).set({ capacity: '15' }).where(eq(surveyLine.filingId, gyFiling));
    await recheck(ha);
    expect((await flagsOf(ha, 'reconciliation_mismatch', gyFiling, 'filing')).map((x) => x.status)).toEqual(['resolved']);
  });

  it('flags lines ten times the province median of their industry, naming the figures', async () => {
    const [big] = await flagsOf(ha, 'capacity_outlier', chain.lines[0].id);
    expect(big?.message).toBe('巩义市示范水泥有限公司“1号机立窑”产能 2000 万吨，超过本省水泥生产线产能中位数的10倍，请核实产能或计量单位');
    const detail = await call(t, ha, { method: 'GET', url: `/api/v1/data-quality/flags/${big!.id}` });
    expect(detail.details.median).toBeGreaterThan(5);
    expect(detail.details.median).toBeLessThan(200);
    // 100 万吨 is large for a backward cement line, but under ten times the median (demo lines are 5–30 万吨).
    expect(await flagsOf(ha, 'capacity_outlier', chain.lines[2].id)).toEqual([]);
  });

  it('flags an enterprise without lines and resolves the flag once a line is registered', async () => {
    const e = await createEnterprise(t, gy, { name: '巩义市无产线测试有限公司', regionCode: '410181100' });
    await recheck(gy);
    expect((await flagsOf(gy, 'enterprise_without_lines', e.id)).map((f) => [f.status, f.entityType])).toEqual([['open', 'enterprise']]);
    await recheck(gy);
    expect(await flagsOf(gy, 'enterprise_without_lines', e.id)).toHaveLength(1);
    await createLine(t, gy, e.id, { capacity: 12 });
    expect((await recheck(gy)).resolved).toBeGreaterThanOrEqual(1);
    expect((await flagsOf(gy, 'enterprise_without_lines', e.id)).map((f) => f.status)).toEqual(['resolved']);
  });

  it('flags a line with neither a catalogue item nor a stated basis', async () => {
    const e = await createEnterprise(t, gy, { name: '巩义市无依据测试有限公司', regionCode: '410181100' });
    const l = await createLine(t, gy, e.id, { capacity: 11 });
    await t.ctx.db.update(line).set({ basisText: ' ' }).where(eq(line.id, l.id));
    await recheck(gy);
    const [f] = await flagsOf(gy, 'line_without_basis', l.id);
    expect(f).toMatchObject({ status: 'open', entityType: 'line', message: '巩义市无依据测试有限公司“1号机立窑生产线”未选择《产业结构调整指导目录》等判定依据，也未填写依据说明' });
  });

  it('flags likely duplicate enterprises by normalised name and address, once per group', async () => {
    const a = await createEnterprise(t, gy, { name: '巩义市 重复测试水泥有限公司', address: '巩义市米河镇 示例路8号', regionCode: '410181100' });
    const b = await createEnterprise(t, gy, { name: '巩义市重复测试水泥厂', address: '巩义市米河镇示例路８号', regionCode: '410181100' });
    await createLine(t, gy, a.id, { capacity: 10 });
    await createLine(t, gy, b.id, { capacity: 10 });
    await recheck(gy);
    await recheck(gy);
    const flags = await flagsOf(gy, 'duplicate_enterprise', a.id);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('巩义市重复测试水泥厂');
    expect(flags[0]!.message).toContain('名称和地址相同，疑似重复登记');
  });

  it('drills down from a flag to its record and the record’s lifecycle history, scoped like the flag', async () => {
    const [big] = await flagsOf(ha, 'capacity_outlier', chain.lines[0].id);
    expect(big).toMatchObject({ link: `/enterprises/${chain.ent.id}`, hasHistory: false });
    expect(await call(t, gy, { method: 'GET', url: `/api/v1/data-quality/flags/${big!.id}/record/history` })).toEqual([]);
    const xy = await t.login('xy-office');
    expect((await t.request({ method: 'GET', url: `/api/v1/data-quality/flags/${big!.id}/record/history`, cookie: xy })).statusCode).toBe(404);

    // A flag on a record with a lifecycle: its timeline (报送 → 批准) comes through the flag.
    const plan = await approvedGongyiPlan(t);
    const [f] = await t.ctx.db
      .insert(dataQualityFlag)
      .values({ regionCode: '410181', provinceCode: '410000', prefectureCode: '410100', countyCode: '410181', kind: 'reconciliation_mismatch', entityType: 'elimination_plan', entityId: plan.planId, message: '测试', details: {}, raisedAt: new Date() })
      .returning();
    const flag = await call(t, ha, { method: 'GET', url: `/api/v1/data-quality/flags/${f!.id}` });
    expect(flag).toMatchObject({ link: `/elimination-plans/${plan.planId}`, hasHistory: true });
    const history = await call(t, ha, { method: 'GET', url: `/api/v1/data-quality/flags/${f!.id}/record/history` });
    expect(history.map((h: { eventLabel: string; toLabel: string }) => [h.eventLabel, h.toLabel])).toEqual([
      ['报送', '已报送'],
      ['批准', '已批准'],
    ]);
    expect((await t.request({ method: 'GET', url: `/api/v1/data-quality/flags/${f!.id}/record/history`, cookie: xy })).statusCode).toBe(404);
  });

  it('answers 404 for a region outside the office and 403 to roles that do not recheck', async () => {
    await recheck(gy, '410182', 404);
    const ent = await t.login('gy-ent');
    expect((await t.request({ method: 'POST', url: '/api/v1/data-quality/recheck', cookie: ent, payload: {} })).statusCode).toBe(403);
  });

  it('the daily job sweeps the country, agrees with the offices and changes nothing when re-run', async () => {
    const first = await runDataQualitySweep(t.ctx.db, t.clock);
    expect(first.resolved).toBe(0);
    expect(await runDataQualitySweep(t.ctx.db, t.clock)).toMatchObject({ raised: 0, resolved: 0, stillOpen: first.stillOpen });
  });
});
