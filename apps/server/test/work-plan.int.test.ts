import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STALE_STATE } from '../src/platform/lifecycle/index.ts';
import { getCalendar } from '../src/platform/calendar/calendar.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('work plans and phases', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const as = (u: string) => cookies[u]!;
  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['ha-office', 'zz-office', 'xy-office', 'gy-office', 'gy-town', 'auditor']) cookies[u] = await t.login(u);
  });
  afterAll(() => t.close());
  const post = (url: string, who: string, payload: unknown) => t.request({ method: 'POST', url, cookie: as(who), payload: payload as object });
  const put = (url: string, who: string, payload: unknown) => t.request({ method: 'PUT', url, cookie: as(who), payload: payload as object });
  const get = (url: string, who: string) => t.request({ method: 'GET', url, cookie: as(who) });
  const dates = (plan: { phases: { name: string; startDate: string; endDate: string }[] }) => plan.phases.map((p) => [p.name, p.startDate, p.endDate]);

  let haPlan: { id: number; phases: { id: number; name: string }[]; version: number };
  let zzPlan: { id: number; version: number; phases: { id: number; name: string; startDate: string; endDate: string; description: string }[] };

  it('offers the two templates from the seeds', async () => {
    const res = await get('/api/v1/work-plans/templates', 'gy-office');
    expect(res.json().map((x: { code: string }) => x.code)).toEqual(['standard', 'clear_zero']);
  });

  it('the province creates its 2026 plan from the default template (seed 002 phases), audited', async () => {
    const res = await post('/api/v1/work-plans', 'ha-office', { source: 'template', year: 2026, template: 'standard' });
    expect(res.statusCode).toBe(201);
    haPlan = res.json();
    expect(res.json()).toMatchObject({ regionCode: '410000', origin: 'template', template: 'standard', title: '河南省2026年淘汰落后产能工作方案' });
    expect(dates(res.json())).toEqual([
      ['摸底排查', '2026-01-01', '2026-04-30'],
      ['组织退出', '2026-05-01', '2026-09-30'],
      ['检查验收', '2026-10-01', '2026-11-30'],
    ]);
    const again = await post('/api/v1/work-plans', 'ha-office', { source: 'template', year: 2026, template: 'clear_zero' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('河南省已有2026年工作方案');
    const audit = await get('/api/v1/audit?action=work_plan.create', 'auditor');
    expect(audit.json().items[0]).toMatchObject({ actorName: 'ha-office', entityId: String(haPlan.id) });
  });

  it('a lower level may not start from a template once the upper level has a plan', async () => {
    const res = await post('/api/v1/work-plans', 'zz-office', { source: 'template', year: 2026, template: 'standard' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('河南省已制定2026年工作方案');
  });

  it('郑州 copies the province plan and may only tighten dates: a wider phase is refused, naming the phase', async () => {
    const [survey, exit] = haPlan.phases;
    const wider = await post('/api/v1/work-plans', 'zz-office', {
      source: 'parent',
      year: 2026,
      phases: [{ parentPhaseId: exit!.id, startDate: '2026-05-01', endDate: '2026-10-10' }],
    });
    expect(wider.statusCode).toBe(400);
    expect(wider.json().message).toBe('阶段“组织退出”只能在上级方案的时间范围内（2026-05-01至2026-09-30）调整，不能改为2026-05-01至2026-10-10');
    const ok = await post('/api/v1/work-plans', 'zz-office', {
      source: 'parent',
      year: 2026,
      phases: [{ parentPhaseId: survey!.id, startDate: '2026-02-01', endDate: '2026-04-20' }],
    });
    expect(ok.statusCode).toBe(201);
    zzPlan = ok.json();
    expect(ok.json()).toMatchObject({ origin: 'parent', parentPlanId: haPlan.id, parentRegionCode: '410000', parentRegionName: '河南省' });
    expect(dates(ok.json())).toEqual([
      ['摸底排查', '2026-02-01', '2026-04-20'],
      ['组织退出', '2026-05-01', '2026-09-30'],
      ['检查验收', '2026-10-01', '2026-11-30'],
    ]);
    expect(ok.json().phases[0]).toMatchObject({ parentPhaseId: survey!.id, parentStartDate: '2026-01-01', parentEndDate: '2026-04-30' });
  });

  it('荥阳 copies 郑州’s plan; 巩义 (directly administered) copies the province’s, not 郑州’s', async () => {
    const xy = await post('/api/v1/work-plans', 'xy-office', { source: 'parent', year: 2026 });
    expect(xy.statusCode).toBe(201);
    expect(xy.json()).toMatchObject({ parentPlanId: zzPlan.id, parentRegionCode: '410100' });
    expect(xy.json().phases[0]).toMatchObject({ startDate: '2026-02-01', endDate: '2026-04-20' });
    const gy = await post('/api/v1/work-plans', 'gy-office', { source: 'parent', year: 2026 });
    expect(gy.statusCode).toBe(201);
    expect(gy.json()).toMatchObject({ parentPlanId: haPlan.id, parentRegionCode: '410000' });
    expect(gy.json().phases[0]).toMatchObject({ startDate: '2026-01-01', endDate: '2026-04-30' });
  });

  it('plans are read down the subtree and up the reporting chain; otherwise 404; only the own office edits', async () => {
    expect((await get(`/api/v1/work-plans/${zzPlan.id}`, 'xy-office')).statusCode).toBe(200);
    const gyReadsZz = await get(`/api/v1/work-plans/${zzPlan.id}`, 'gy-office');
    expect(gyReadsZz.statusCode).toBe(404);
    expect(gyReadsZz.json().message).toBe('工作方案不存在或无权访问');
    const gyReadsHa = await get(`/api/v1/work-plans/${haPlan.id}`, 'gy-office');
    expect(gyReadsHa.json().abilities).toEqual({ update: false });
    const gyEditsHa = await put(`/api/v1/work-plans/${haPlan.id}`, 'gy-office', { version: 1, title: 'x', phases: [] });
    expect(gyEditsHa.statusCode).toBe(400); // body refused first: phases must not be empty
    const gyEditsHa2 = await put(`/api/v1/work-plans/${haPlan.id}`, 'gy-office', {
      version: 1,
      title: 'x',
      phases: [{ name: 'a', startDate: '2026-01-01', endDate: '2026-01-02' }],
    });
    expect(gyEditsHa2.statusCode).toBe(403);
    const list = (await get('/api/v1/work-plans?year=2026', 'zz-office')).json() as { regionCode: string }[];
    expect(list.map((p) => p.regionCode).sort()).toEqual(['410000', '410100', '410181', '410182']);
  });

  it('the province cannot narrow a phase below what 郑州 already set, nor add phases once copied', async () => {
    const full = (await get(`/api/v1/work-plans/${haPlan.id}`, 'ha-office')).json();
    const phases = full.phases.map((p: { id: number; name: string; description: string; startDate: string; endDate: string }) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      startDate: p.startDate,
      endDate: p.name === '摸底排查' ? '2026-04-10' : p.endDate,
    }));
    const res = await put(`/api/v1/work-plans/${haPlan.id}`, 'ha-office', { version: full.version, title: full.title, phases });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('郑州市的工作方案中阶段“摸底排查”（2026-02-01至2026-04-20）将超出调整后的范围');
    const added = await put(`/api/v1/work-plans/${haPlan.id}`, 'ha-office', {
      version: full.version,
      title: full.title,
      phases: [...full.phases, { name: '总结', description: '', startDate: '2026-12-01', endDate: '2026-12-20' }],
    });
    expect(added.statusCode).toBe(400);
    expect(added.json().message).toContain('不能增删阶段');
  });

  it('郑州 narrows a phase once 荥阳’s copy fits inside; a stale version gets 409', async () => {
    const phases = zzPlan.phases.map((p) => ({ ...p, endDate: p.name === '组织退出' ? '2026-09-15' : p.endDate }));
    const blocked = await put(`/api/v1/work-plans/${zzPlan.id}`, 'zz-office', { version: zzPlan.version, title: '郑州市2026年工作方案', phases });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().message).toBe('荥阳市的工作方案中阶段“组织退出”（2026-05-01至2026-09-30）将超出调整后的范围，请先调整下级方案');
    const xy = (await get('/api/v1/work-plans?region=410182&year=2026', 'xy-office')).json()[0];
    const xyFull = (await get(`/api/v1/work-plans/${xy.id}`, 'xy-office')).json();
    const xyPhases = xyFull.phases.map((p: { name: string; endDate: string }) => ({ ...p, endDate: p.name === '组织退出' ? '2026-09-10' : p.endDate }));
    expect((await put(`/api/v1/work-plans/${xy.id}`, 'xy-office', { version: xyFull.version, title: xyFull.title, phases: xyPhases })).statusCode).toBe(200);
    const res = await put(`/api/v1/work-plans/${zzPlan.id}`, 'zz-office', { version: zzPlan.version, title: '郑州市2026年工作方案', phases });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: zzPlan.version + 1, title: '郑州市2026年工作方案' });
    expect(res.json().phases[1].endDate).toBe('2026-09-15');
    const stale = await put(`/api/v1/work-plans/${zzPlan.id}`, 'zz-office', { version: zzPlan.version, title: 'x', phases });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe(STALE_STATE);
    const renamed = phases.map((p, i) => (i === 0 ? { ...p, name: '排查' } : p));
    const bad = await put(`/api/v1/work-plans/${zzPlan.id}`, 'zz-office', { version: zzPlan.version + 1, title: 'x', phases: renamed });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('本方案依据上级方案制定');
  });

  it('the current phase for the home page: a town without a plan follows 巩义’s, with working days left', async () => {
    const res = await get('/api/v1/work-plans/current-phase', 'gy-town');
    expect(res.statusCode).toBe(200);
    const cal = await getCalendar(t.ctx.db);
    const left = cal.workingDaysBetween('2026-03-02', '2026-04-30');
    expect(left).toBeGreaterThan(35);
    expect(res.json()).toMatchObject({
      regionCode: '410181100',
      date: '2026-03-02',
      state: 'in_phase',
      planRegionCode: '410181',
      inherited: true,
      phase: { name: '摸底排查', startDate: '2026-01-01', endDate: '2026-04-30' },
      nextPhase: { name: '组织退出' },
      workingDaysLeft: left,
      label: `剩余 ${left} 个工作日`,
    });
    const zz = await get('/api/v1/work-plans/current-phase?date=2026-01-15', 'zz-office');
    expect(zz.json()).toMatchObject({ state: 'before', inherited: false, nextPhase: { name: '摸底排查', startDate: '2026-02-01' } });
    const lastDay = await get('/api/v1/work-plans/current-phase?date=2026-04-20', 'xy-office');
    expect(lastDay.json()).toMatchObject({ state: 'in_phase', planRegionCode: '410182', label: '今日到期', workingDaysLeft: 0 });
  });

  it('a 清零行动 plan spans into the next January; the effective plan endpoint names the inherited plan', async () => {
    const res = await post('/api/v1/work-plans', 'ha-office', { source: 'template', year: 2027, template: 'clear_zero' });
    expect(res.statusCode).toBe(201);
    const jan = await get('/api/v1/work-plans/current-phase?date=2028-01-02', 'gy-office');
    expect(jan.json()).toMatchObject({ state: 'in_phase', planRegionCode: '410000', inherited: true, phase: { name: '检查验收', endDate: '2028-01-03' } });
    expect(jan.json().label).toBe('剩余 1 个工作日');
    const gap = await get('/api/v1/work-plans/current-phase?date=2027-12-20', 'gy-office');
    expect(gap.json()).toMatchObject({ state: 'between', nextPhase: { name: '检查验收' }, label: '下一阶段“检查验收”将于2028-01-01开始' });
    const eff = await get('/api/v1/work-plans/effective?year=2027', 'gy-town');
    expect(eff.json()).toMatchObject({ regionCode: '410181100', inherited: true, plan: { regionCode: '410000', year: 2027 } });
    expect((await get('/api/v1/work-plans/current-phase?region=410182', 'gy-office')).statusCode).toBe(404);
  });

  it('documents every year-work route in the OpenAPI document with a Chinese summary', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const mine = Object.entries(doc.paths as Record<string, Record<string, { summary?: string }>>).filter(([p]) =>
      /^\/api\/v1\/(work-plans|filing-requirements|filing-matrix|filings|filing-attachments|my-deadlines|jobs|survey-filings|survey-rollup|notifications)/.test(p),
    );
    const ops = mine.flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => [`${m} ${p}`, op.summary ?? ''] as const));
    expect(ops.length).toBeGreaterThanOrEqual(30);
    for (const [op, summary] of ops) expect(summary, op).toMatch(/[\u4e00-\u9fff]/);
    expect(ops.map(([op]) => op)).toEqual(
      expect.arrayContaining(['get /api/v1/work-plans/current-phase', 'get /api/v1/survey-rollup', 'post /api/v1/jobs/filing-reminders/run', 'get /api/v1/filing-requirements/{id}/non-submitters']),
    );
  });
});
