import type { ProgressPicture } from '@taotai/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedGongyiPlan } from './exit-task-fixtures.ts';
import { attachAllEvidence, expectListsMatch, figure, payloadFor, picture } from './progress-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { allocate, call, createRootTarget, YEAR } from './target-fixtures.ts';

/**
 * 巩义 (410181) is a 省直管县 administratively under 郑州 (410100): its tasks count in 郑州's row and again in
 * its own flagged row under 河南, while 河南's total counts them once.
 */
describe('progress picture: 省直管县, scope, stages, targets and the lists behind the numbers', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof approvedGongyiPlan>>;
  let ha: string;
  let kiln: number;
  let mill: number;
  const fire = (id: number, event: string, deadline = '2026-03-20') =>
    call(t, f.gy, { method: 'POST', url: `/api/v1/exit-tasks/${id}/transitions`, payload: { event, payload: payloadFor(event, deadline) } });

  beforeAll(async () => {
    t = await createTestApp();
    f = await approvedGongyiPlan(t);
    ha = await t.login('ha-office');
    const made = await call(t, f.gy, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${f.planId}` });
    kiln = made.tasks.find((x: { lineId: number }) => x.lineId === f.kiln.id).id;
    mill = made.tasks.find((x: { lineId: number }) => x.lineId === f.mill.id).id;
    await attachAllEvidence(t, [kiln, mill]);
    // Targets: 河南 水泥 3,000 万吨 → 郑州 1,500 → 巩义 900 / 荥阳 600.
    const province = await createRootTarget(t, ha);
    const zzTarget = (await allocate(t, ha, province.id, [{ regionCode: '410100', quantity: 1500, enterpriseCount: 8 }])).allocations[0].targetId;
    await allocate(t, f.zz, zzTarget, [
      { regionCode: '410181', quantity: 900, enterpriseCount: 5 },
      { regionCode: '410182', quantity: 600, enterpriseCount: 3 },
    ]);
  });
  afterAll(() => t.close());

  it("counts 巩义 under 郑州 and in its own flagged row at province level, and once in the province's total", async () => {
    const p: ProgressPicture = await call(t, ha, { method: 'GET', url: '/api/v1/progress' });
    expect(p).toMatchObject({ regionCode: '410000', regionName: '河南省', level: 'province', year: YEAR, tasks: 2, enterprisesPlanned: 1, enterprisesAccepted: 0 });
    expect(figure(p, 'cement')).toMatchObject({ unit: 'wan_t', plannedCapacity: 12, plannedTasks: 2, sealedTasks: 0, targetCapacity: 3000, completionRate: 0 });
    const zz = p.children.find((c) => c.code === '410100')!;
    expect(zz).toMatchObject({ name: '郑州市', directlyAdministered: false, tasks: 2 });
    expect(figure(zz, 'cement')).toMatchObject({ plannedCapacity: 12, targetCapacity: 1500 });
    const gy = p.children.filter((c) => c.code === '410181');
    expect(gy).toHaveLength(1);
    expect(gy[0]).toMatchObject({ name: '巩义市', directlyAdministered: true, tasks: 2 });
    expect(figure(gy[0]!, 'cement')).toMatchObject({ plannedCapacity: 12, targetCapacity: 900 });
    // Flagged rows come after the administrative children; the others add up to the province.
    const firstFlagged = p.children.findIndex((c) => c.directlyAdministered);
    expect(p.children.slice(firstFlagged).every((c) => c.directlyAdministered)).toBe(true);
    const plain = p.children.filter((c) => !c.directlyAdministered);
    expect(plain.reduce((n, c) => n + c.tasks, 0)).toBe(p.tasks);
    expect(plain.reduce((n, c) => n + (figure(c, 'cement')?.plannedCapacity ?? 0), 0)).toBe(12);
    expect(plain.every((c) => !c.ownLevel)).toBe(true);

    const zzPicture = await picture(t, f.zz, '410100', YEAR);
    expect(zzPicture.children.find((c) => c.code === '410181')).toMatchObject({ directlyAdministered: false, tasks: 2 });
    const gyPicture: ProgressPicture = await call(t, f.gy, { method: 'GET', url: '/api/v1/progress' });
    expect(gyPicture).toMatchObject({ regionCode: '410181', level: 'county', tasks: 2 });
    expect(gyPicture.children.find((c) => c.code === '410181100')).toMatchObject({ name: '米河镇', tasks: 2 });
  });

  it('answers 404 for a region out of scope exactly like a missing one, 403 to enterprise users', async () => {
    for (const [cookie, region] of [
      [f.xy, '410181'],
      [f.gy, '410100'],
      [ha, '100000'],
      [ha, '420000'],
      [f.gy, '999999'],
    ] as const) {
      const res = await t.request({ method: 'GET', url: `/api/v1/progress?region=${region}`, cookie });
      expect(res.statusCode, region).toBe(404);
      expect(res.json().message).toMatch(/不存在或无权访问$/);
    }
    const ent = await t.login('gy-ent');
    expect((await t.request({ method: 'GET', url: '/api/v1/progress', cookie: ent })).statusCode).toBe(403);
    const admin = await t.login('admin');
    const country: ProgressPicture = await call(t, admin, { method: 'GET', url: '/api/v1/progress' });
    expect(country).toMatchObject({ regionCode: '100000', regionName: '全国', level: 'country', tasks: 2 });
    expect(country.children.find((c) => c.code === '410000')).toMatchObject({ tasks: 2 });
  });

  it('moves capacity through the stages, counts overdue sealing, finished enterprises and completion against the target', async () => {
    await fire(kiln, 'seal');
    let gy = await picture(t, f.gy, '410181', YEAR);
    expect(figure(gy, 'cement')).toMatchObject({ plannedCapacity: 12, sealedCapacity: 8, sealedTasks: 1, dismantledTasks: 0 });
    expect(gy.overdueTasks).toBe(0);
    t.clock.set(new Date('2026-03-25T02:00:00Z'));
    f.gy = await t.login('gy-office');
    f.zz = await t.login('zz-office');
    ha = await t.login('ha-office');
    gy = await picture(t, f.gy, '410181', YEAR);
    expect(gy.overdueTasks).toBe(1);
    expect((await picture(t, ha, '410000', YEAR)).overdueTasks).toBe(1);
    for (const e of ['dismantle', 'request_acceptance']) await fire(kiln, e);
    gy = await picture(t, f.gy, '410181', YEAR);
    expect(gy.overdueTasks).toBe(0);
    expect(figure(gy, 'cement')).toMatchObject({ sealedTasks: 0, dismantledCapacity: 8, dismantledTasks: 1 });
    await fire(kiln, 'accept');
    gy = await picture(t, f.gy, '410181', YEAR);
    expect(figure(gy, 'cement')).toMatchObject({ acceptedCapacity: 8, acceptedTasks: 1, targetCapacity: 900, completionRate: 8 / 900 });
    expect(gy).toMatchObject({ enterprisesPlanned: 1, enterprisesAccepted: 0, taskCompletionRate: 0.5 });
    await fire(mill, 'close');
    gy = await picture(t, f.gy, '410181', YEAR);
    expect(figure(gy, 'cement')).toMatchObject({ closedCapacity: 4, closedTasks: 1, completionRate: 12 / 900 });
    expect(gy).toMatchObject({ enterprisesPlanned: 1, enterprisesAccepted: 1, taskCompletionRate: 1 });
    const p = await picture(t, ha, '410000', YEAR);
    expect(figure(p, 'cement')).toMatchObject({ acceptedCapacity: 8, closedCapacity: 4, completionRate: 12 / 3000 });
    // Another year has neither tasks nor targets.
    const other = await picture(t, ha, '410000', YEAR - 1);
    expect(other).toMatchObject({ year: YEAR - 1, tasks: 0, figures: [], taskCompletionRate: null });
  });

  it('gives every number the list behind it: same filters, same total and capacity', async () => {
    let checked = 0;
    for (const [cookie, region] of [
      [ha, '410000'],
      [f.zz, '410100'],
      [f.gy, '410181'],
      [f.gy, '410181100'],
    ] as const) {
      const p = await picture(t, cookie, region, YEAR);
      checked += await expectListsMatch(t, cookie, p, region, YEAR);
      for (const c of p.children.filter((x) => !x.ownLevel)) checked += await expectListsMatch(t, cookie, c, c.code, YEAR);
    }
    expect(checked).toBeGreaterThan(20);
  });
});
