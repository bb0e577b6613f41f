import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nonComplianceCase } from '../src/db/schema/index.ts';
import { createEnterprise, createLine } from './enterprise-fixtures.ts';
import { agencyId, insertCase } from './support/department-list-fixture.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

interface Flag {
  kind: string;
  entityType: string;
  entityId: number;
  message: string;
  status: string;
  resolutionNote: string | null;
}

/**
 * Issue 12: a line ordered closed and in no plan is a candidate of the region's plan (this year's draft, or the
 * next plan once this year's is submitted), added with the plan's own add-line path; and a stopped line past its
 * deadline that is neither rectified nor planned is flagged by the data-quality sweep (002 §二(一)6), resolved
 * by the sweep once it is.
 */
describe('plan candidates from cases and the stopped-line flag', () => {
  let t: TestApp;
  let gy: string;
  let ent: { id: number };
  let kiln: { id: number };
  let mill: { id: number };
  let other: { id: number };
  let dev: number;
  let eco: number;

  const candidates = (cookie: string, qs = 'region=410181&year=2026', status = 200) =>
    call(t, cookie, { method: 'GET', url: `/api/v1/department-lists/plan-candidates?${qs}` }, status);
  const recheck = () => call(t, gy, { method: 'POST', url: '/api/v1/data-quality/recheck', payload: { region: '410181' } });
  const stoppedFlags = async (): Promise<Flag[]> =>
    (await call(t, gy, { method: 'GET', url: '/api/v1/data-quality/flags?kind=stopped_line_unresolved&pageSize=200' })).items;

  beforeAll(async () => {
    t = await createTestApp();
    gy = await t.login('gy-office');
    ent = await createEnterprise(t, gy, { name: '巩义市候选测试水泥有限公司', regionCode: '410181100' });
    kiln = await createLine(t, gy, ent.id, { name: '候选测试立窑', capacity: 10 });
    mill = await createLine(t, gy, ent.id, { name: '候选测试水泥磨', capacity: 5 });
    other = await createLine(t, gy, ent.id, { name: '候选测试烘干机', capacity: 3 });
    dev = await agencyId(t, '410181', 'development');
    eco = await agencyId(t, '410181', 'ecology');
    await insertCase(t, { enterpriseId: ent.id, lineId: kiln.id, agencyId: dev, criterion: 'energy', status: 'closure_ordered', closureDecisionNo: '巩发改关〔2026〕5号', concludedOn: '2026-02-10' });
    await insertCase(t, { enterpriseId: ent.id, lineId: mill.id, agencyId: dev, criterion: 'energy', status: 'closure_ordered', closureDecisionNo: '巩发改关〔2026〕6号', concludedOn: '2026-02-11' });
    await insertCase(t, { enterpriseId: ent.id, lineId: other.id, agencyId: dev, criterion: 'energy', status: 'rectifying' });
  });
  afterAll(async () => t.close());

  it('lists the lines ordered closed and in no plan, with the case as their source, for this year’s draft', async () => {
    const items = await candidates(gy);
    expect(items).toEqual([
      expect.objectContaining({ lineId: kiln.id, lineName: '候选测试立窑', criterion: 'energy', closureDecisionNo: '巩发改关〔2026〕5号', agencyName: '巩义市发展和改革委员会', capacity: 10, unitName: '万吨', nextPlan: false }),
      expect.objectContaining({ lineId: mill.id, closureDecisionNo: '巩发改关〔2026〕6号', nextPlan: false }),
    ]);
    expect(items[0].decisionNo).toMatch(/^巩测〔2026〕\d+号$/);
    // Out of scope answers 404 like a missing region; enterprises see no candidates.
    await candidates(await t.login('xy-office'), 'region=410181&year=2026', 404);
    await candidates(await t.login('gy-ent'), 'region=410181&year=2026', 403);
  });

  it('the office adds a candidate with one click through the plan’s add-line path; the rest wait for the next plan once it is submitted', async () => {
    const plan = await call(t, gy, { method: 'POST', url: '/api/v1/elimination-plans', payload: { regionCode: '410181', year: 2026 } }, 201);
    const added = await call(t, gy, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/lines`, payload: { version: plan.version, items: [{ lineId: kiln.id }] } });
    expect(added.lineCount).toBe(1);
    expect((await candidates(gy)).map((c: { lineId: number }) => c.lineId)).toEqual([mill.id]);
    await call(t, gy, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/transitions`, payload: { event: 'submit' } });
    expect(await candidates(gy)).toEqual([expect.objectContaining({ lineId: mill.id, nextPlan: true })]);
    // Next year's plan does not exist yet: the same line is a candidate for its draft.
    expect(await candidates(gy, 'region=410181&year=2027')).toEqual([expect.objectContaining({ lineId: mill.id, nextPlan: false })]);
  });

  it('flags a suspended line past its deadline that is neither rectified nor planned, and resolves the flag when the case is rectified', async () => {
    const stopped = await createLine(t, gy, ent.id, { name: '候选测试停产窑', capacity: 6 });
    const planned = await createLine(t, gy, ent.id, { name: '候选测试未到期窑', capacity: 6 });
    const caseId = await insertCase(t, { enterpriseId: ent.id, lineId: stopped.id, agencyId: eco, criterion: 'environment', status: 'suspended', deadline: '2026-02-28' });
    // Not yet due (the clock is 2026-03-02): no flag.
    await insertCase(t, { enterpriseId: ent.id, lineId: planned.id, agencyId: eco, criterion: 'environment', status: 'suspended', deadline: '2026-04-30' });
    await recheck();
    let flags = await stoppedFlags();
    expect(flags).toEqual([
      expect.objectContaining({
        status: 'open',
        entityType: 'line',
        entityId: stopped.id,
        message: '巩义市候选测试水泥有限公司“候选测试停产窑”停产整改期限2026-02-28已过，既未整改合格也未列入淘汰计划，应整改或列入淘汰（002 §二(一)6）',
      }),
    ]);
    // Raised once.
    expect((await recheck()).raised).toBe(0);

    await t.ctx.db.update(nonComplianceCase).set({ status: 'rectified', concludedOn: '2026-03-01' }).where(eq(nonComplianceCase.id, caseId));
    expect((await recheck()).resolved).toBeGreaterThanOrEqual(1);
    flags = await stoppedFlags();
    expect(flags).toEqual([expect.objectContaining({ entityId: stopped.id, status: 'resolved', resolutionNote: expect.stringContaining('问题已不存在，自动处理') })]);
  });

  it('flags a safety case stopped at once (no date), and resolves it when the line enters a plan', async () => {
    const line = await createLine(t, gy, ent.id, { name: '候选测试安全停产线', capacity: 2 });
    await insertCase(t, { enterpriseId: ent.id, lineId: line.id, agencyId: await agencyId(t, '410181', 'emergency'), criterion: 'safety', status: 'stopped', deadline: null });
    await recheck();
    expect((await stoppedFlags()).filter((f) => f.entityId === line.id)).toEqual([
      expect.objectContaining({ status: 'open', message: expect.stringContaining('“候选测试安全停产线”已停产（安全生产不达标），既未整改合格也未列入淘汰计划') }),
    ]);
    const plan = await call(t, gy, { method: 'POST', url: '/api/v1/elimination-plans', payload: { regionCode: '410181', year: 2027 } }, 201);
    await call(t, gy, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/lines`, payload: { version: plan.version, items: [{ lineId: line.id }] } });
    await recheck();
    expect((await stoppedFlags()).filter((f) => f.entityId === line.id)).toEqual([expect.objectContaining({ status: 'resolved' })]);
  });
});
