import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createLine } from './enterprise-fixtures.ts';
import { evidenceForm, JPEG, PDF, pdfOf, photo } from './exit-task-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call, YEAR } from './target-fixtures.ts';

/** Every name made here carries this marker, so `q` isolates the tasks of this file from any demo data. */
const MARK = '列表测试';

interface Page {
  items: { id: number; enterpriseId: number; status: string; stage: string; capacity: number; capacityUnit: string; year: number; overdue: boolean; deadlineLabel: string | null }[];
  nextCursor: string | null;
  total: number;
  capacityByUnit: { unit: string; capacity: number }[];
}

describe('exit task list: filters, keyset pages and totals over every matching task', () => {
  let t: TestApp;
  let gy: string;
  let zz: string;
  let ha: string;
  let xy: string;
  const ids: Record<string, number> = {};
  let entA: { id: number; regionCode: string };
  let ownEnterprise: { id: number; regionCode: string };

  const list = (cookie: string, q: Record<string, string | number>) =>
    call(t, cookie, { method: 'GET', url: `/api/v1/exit-tasks?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}` }) as Promise<Page>;
  const capOf = (p: Page) => Object.fromEntries(p.capacityByUnit.map((c) => [c.unit, c.capacity]));
  const idsOf = (p: Page) => p.items.map((i) => i.id).sort((a, b) => a - b);

  async function approvedPlan(cookie: string, approver: string, regionCode: string, year: number, lineIds: number[]) {
    const plan = await call(t, cookie, { method: 'POST', url: '/api/v1/elimination-plans', payload: { regionCode, year } }, 201);
    await call(t, cookie, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/lines`, payload: { version: plan.version, items: lineIds.map((lineId) => ({ lineId })) } });
    await call(t, cookie, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/transitions`, payload: { event: 'submit' } });
    await call(t, approver, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/transitions`, payload: { event: 'approve' } });
    const made = await call(t, cookie, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${plan.id}` });
    return new Map<number, number>(made.tasks.map((x: { lineId: number; id: number }) => [x.lineId, x.id]));
  }
  const upload = async (id: number, kind: string, file: Buffer, name: string) => {
    const res = await t.request({ method: 'POST', url: `/api/v1/exit-tasks/${id}/evidence`, cookie: gy, ...evidenceForm(kind, file, name) });
    expect(res.statusCode, res.body).toBe(201);
  };
  const fire = (id: number, event: string, payload: Record<string, unknown> = {}) =>
    call(t, gy, { method: 'POST', url: `/api/v1/exit-tasks/${id}/transitions`, payload: { event, payload } });

  beforeAll(async () => {
    t = await createTestApp();
    gy = await t.login('gy-office');
    zz = await t.login('zz-office');
    ha = await t.login('ha-office');
    xy = await t.login('xy-office');
    const ent = await t.login('gy-ent');
    const me = await call(t, ent, { method: 'GET', url: '/api/v1/auth/me' });
    ownEnterprise = await call(t, gy, { method: 'GET', url: `/api/v1/enterprises/${me.enterpriseId}` });

    entA = await createEnterprise(t, gy, { name: `巩义市${MARK}水泥有限公司`, regionCode: '410181100' });
    const glassEnt = await createEnterprise(t, gy, { name: `巩义市${MARK}玻璃有限公司`, regionCode: '410181', industryCode: 'flat_glass' });
    const xyEnt = await createEnterprise(t, xy, { name: `荥阳市${MARK}水泥有限公司`, regionCode: '410182101' });
    const kiln = await createLine(t, gy, entA.id, { name: '1号立窑', capacity: 8 });
    const mill = await createLine(t, gy, entA.id, { name: '水泥磨', capacity: 4 });
    const later = await createLine(t, gy, entA.id, { name: '2号立窑', capacity: 5, plannedExitDate: '2027-06-30' });
    const glass = await createLine(t, gy, glassEnt.id, { name: '平拉玻璃生产线', industryCode: 'flat_glass', capacityUnit: 'wan_weight_box', capacity: 120 });
    const own = await createLine(t, gy, ownEnterprise.id, { name: `${MARK}3号窑`, capacity: 3 });
    const xyKiln = await createLine(t, xy, xyEnt.id, { name: '荥阳立窑', capacity: 7 });

    const gy2026 = await approvedPlan(gy, ha, '410181', YEAR, [kiln.id, mill.id, glass.id, own.id]);
    const gy2027 = await approvedPlan(gy, ha, '410181', YEAR + 1, [later.id]);
    const xy2026 = await approvedPlan(xy, zz, '410182', YEAR, [xyKiln.id]);
    Object.assign(ids, {
      kiln: gy2026.get(kiln.id),
      mill: gy2026.get(mill.id),
      glass: gy2026.get(glass.id),
      own: gy2026.get(own.id),
      later: gy2027.get(later.id),
      xyKiln: xy2026.get(xyKiln.id),
    });
  });
  afterAll(() => t.close());

  it('walks the pages in id order with the same total and capacity per unit on every page', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p: Page = await list(gy, { q: MARK, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(p.total).toBe(5);
      expect(capOf(p)).toEqual({ wan_t: 20, wan_weight_box: 120 });
      expect(p.items.length).toBeLessThanOrEqual(2);
      seen.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([ids.kiln, ids.mill, ids.glass, ids.own, ids.later].sort((a, b) => a! - b!));
    const bad = await t.request({ method: 'GET', url: '/api/v1/exit-tasks?cursor=abc', cookie: gy });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('cursor');
  });

  it('counts totals over all matching tasks, not just the page (no q: the whole scope)', async () => {
    const first = await list(gy, { limit: 1 });
    const all: Page['items'] = [];
    let cursor: string | null = null;
    do {
      const p: Page = await list(gy, { limit: 200, ...(cursor ? { cursor } : {}) });
      all.push(...p.items);
      cursor = p.nextCursor;
    } while (cursor);
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(all.length);
    const sums: Record<string, number> = {};
    for (const i of all) sums[i.capacityUnit] = (sums[i.capacityUnit] ?? 0) + i.capacity;
    expect(capOf(first)).toEqual(sums);
  });

  it('filters by year, industry, unit, enterprise and region subtree', async () => {
    let p = await list(gy, { q: MARK, year: YEAR + 1 });
    expect(idsOf(p)).toEqual([ids.later]);
    expect(p.items[0]!.year).toBe(YEAR + 1);
    expect(capOf(p)).toEqual({ wan_t: 5 });
    p = await list(gy, { q: MARK, year: YEAR });
    expect(p.total).toBe(4);
    p = await list(gy, { q: MARK, industry: 'flat_glass' });
    expect(p).toMatchObject({ total: 1, capacityByUnit: [{ unit: 'wan_weight_box', capacity: 120 }] });
    expect(idsOf(p)).toEqual([ids.glass]);
    p = await list(gy, { q: MARK, unit: 'wan_t', year: YEAR });
    expect(p.total).toBe(3);
    expect(capOf(p)).toEqual({ wan_t: 15 });
    p = await list(gy, { q: MARK, enterprise: entA.id });
    expect(idsOf(p)).toEqual([ids.kiln, ids.mill, ids.later]);
    p = await list(gy, { q: MARK, region: '410181100' });
    const inTown = [ids.kiln, ids.mill, ids.later, ...(ownEnterprise.regionCode === '410181100' ? [ids.own] : [])];
    expect(idsOf(p)).toEqual(inTown.sort((a, b) => a! - b!));
    p = await list(zz, { q: MARK });
    expect(p.total).toBe(6);
    expect(capOf(p)).toEqual({ wan_t: 27, wan_weight_box: 120 });
    p = await list(zz, { q: MARK, region: '410182' });
    expect(idsOf(p)).toEqual([ids.xyKiln]);
  });

  it('finds by enterprise name or line name', async () => {
    const byLine = await list(gy, { q: `${MARK}3号窑` });
    expect(idsOf(byLine)).toEqual([ids.own]);
    const byEnterprise = await list(gy, { q: '玻璃有限' });
    expect(idsOf(byEnterprise)).toContain(ids.glass);
    expect((await list(gy, { q: '100%_不存在' })).total).toBe(0);
  });

  it('keeps scope: other counties see nothing of 巩义 (region → 404), an enterprise only its own tasks', async () => {
    const p = await list(xy, { q: MARK });
    expect(idsOf(p)).toEqual([ids.xyKiln]);
    const res = await t.request({ method: 'GET', url: '/api/v1/exit-tasks?region=410181', cookie: xy });
    expect(res.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/exit-tasks?region=999999', cookie: gy })).statusCode).toBe(404);
    const ent = await t.login('gy-ent');
    const mine = await list(ent, { limit: 200 });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.enterpriseId === ownEnterprise.id)).toBe(true);
    expect(mine.total).toBe(mine.items.length);
    expect(idsOf(await list(ent, { q: MARK }))).toEqual([ids.own]);
    const admin = await t.login('admin');
    expect((await list(admin, { q: MARK, region: '100000' })).total).toBe(6);
  });

  it('filters by status and by stage (a dismantled stage includes acceptance requested), and by overdue', async () => {
    await upload(ids.kiln!, 'seal_photo', JPEG, '封存.jpg');
    await upload(ids.kiln!, 'commitment_scan', PDF, '承诺书.pdf');
    await fire(ids.kiln!, 'seal', { waterCut: true, powerCut: true, powerUnitsRemoved: true, equipmentSealed: true, dismantleDeadline: '2026-04-30' });
    for (const kind of ['photo_before', 'photo_during', 'photo_after']) await upload(ids.mill!, kind, photo(kind), `${kind}.jpg`);
    await upload(ids.mill!, 'witness_record', pdfOf('witness'), '见证记录.pdf');
    await fire(ids.mill!, 'dismantle', { legalRepresentative: '张三', officials: ['赵干部'], destination: 'scrapped' });
    await fire(ids.mill!, 'request_acceptance');

    expect(idsOf(await list(gy, { q: MARK, stage: 'sealed' }))).toEqual([ids.kiln]);
    expect(idsOf(await list(gy, { q: MARK, status: 'sealed' }))).toEqual([ids.kiln]);
    const dismantled = await list(gy, { q: MARK, stage: 'dismantled' });
    expect(idsOf(dismantled)).toEqual([ids.mill]);
    expect(dismantled.items[0]).toMatchObject({ status: 'acceptance_requested', stage: 'dismantled', deadlineLabel: null });
    expect((await list(gy, { q: MARK, status: 'dismantled' })).total).toBe(0);
    expect((await list(gy, { q: MARK, stage: 'dismantled', status: 'sealed' })).total).toBe(0);
    const planned = await list(gy, { q: MARK, stage: 'planned' });
    expect(planned.total).toBe(3);
    expect(planned.items.every((i) => /^剩余 \d+ 个工作日$|^今日到期$/.test(i.deadlineLabel ?? ''))).toBe(true);
    expect((await list(gy, { q: MARK, overdue: 'true' })).total).toBe(0);

    t.clock.set(new Date('2026-05-06T02:00:00Z'));
    gy = await t.login('gy-office');
    const overdue = await list(gy, { q: MARK, overdue: 'true' });
    expect(idsOf(overdue)).toEqual([ids.kiln]);
    expect(overdue.items[0]).toMatchObject({ overdue: true, deadlineLabel: '逾期 6 天' });
    expect(capOf(overdue)).toEqual({ wan_t: 8 });
    const notOverdue = await list(gy, { q: MARK, overdue: 'false' });
    expect(notOverdue.total).toBe(4);
    expect(idsOf(notOverdue)).not.toContain(ids.kiln);
  });
});
