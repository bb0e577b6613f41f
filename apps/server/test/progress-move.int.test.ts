import type { ProgressPicture } from '@taotai/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressMaintenance } from '../src/modules/progress/index.ts';
import { enterpriseBody } from './enterprise-fixtures.ts';
import { approvedGongyiPlan } from './exit-task-fixtures.ts';
import { attachAllEvidence, figure, payloadFor, picture } from './progress-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call, YEAR } from './target-fixtures.ts';

/**
 * The rollup counts a task at every ancestor of its enterprise, so re-registering the enterprise in
 * another region (PUT /enterprises/:id) must move its tasks in the same transaction: out of 米河镇 and
 * 巩义, into a township of 荥阳 and 荥阳, with 郑州, 河南 and the country unchanged.
 */
describe('progress rollup follows an enterprise that moves to another region', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof approvedGongyiPlan>>;
  let admin: string;
  let kiln: number;
  let mill: number;
  const fire = (id: number, event: string, deadline = '2026-03-20') =>
    call(t, f.zz, { method: 'POST', url: `/api/v1/exit-tasks/${id}/transitions`, payload: { event, payload: payloadFor(event, deadline) } });
  /** Re-registers the enterprise at `regionCode` (郑州 may choose both 巩义 and 荥阳), keeping everything else. */
  const move = async (regionCode: string, name?: string) => {
    const e = await call(t, f.zz, { method: 'GET', url: `/api/v1/enterprises/${f.ent.id}` });
    const payload = { ...enterpriseBody({ regionCode, uscc: e.uscc, name: name ?? e.name }), version: e.version };
    const res = await t.request({ method: 'PUT', url: `/api/v1/enterprises/${e.id}`, cookie: f.zz, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** The maintained tables must be exactly what a rebuild from the base tables gives. */
  const expectEqualToRebuild = async () => {
    const maintained = await progressMaintenance.snapshot(t.ctx.db);
    await call(t, admin, { method: 'POST', url: '/api/v1/progress/rebuild' });
    expect(await progressMaintenance.snapshot(t.ctx.db)).toEqual(maintained);
    return maintained;
  };
  const row = (p: ProgressPicture, code: string) => p.children.find((c) => c.code === code);

  beforeAll(async () => {
    t = await createTestApp();
    f = await approvedGongyiPlan(t);
    const made = await call(t, f.gy, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${f.planId}` });
    kiln = made.tasks.find((x: { lineId: number }) => x.lineId === f.kiln.id).id;
    mill = made.tasks.find((x: { lineId: number }) => x.lineId === f.mill.id).id;
    await attachAllEvidence(t, [kiln, mill]);
    // The kiln sealed and overdue (a sealed-deadline row), the mill closed (done): every table has rows.
    await fire(kiln, 'seal');
    await fire(mill, 'close');
    t.clock.set(new Date('2026-03-25T02:00:00Z'));
    f.gy = await t.login('gy-office');
    f.zz = await t.login('zz-office');
    f.xy = await t.login('xy-office');
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('starts counted in 米河镇 and 巩义', async () => {
    const gy = await picture(t, f.gy, '410181', YEAR);
    expect(gy).toMatchObject({ tasks: 2, overdueTasks: 1, enterprisesPlanned: 1, enterprisesAccepted: 0 });
    expect(row(gy, '410181100')).toMatchObject({ tasks: 2 });
    expect((await picture(t, f.xy, '410182', YEAR)).tasks).toBe(0);
  });

  it('leaves the rollup alone when an edit keeps the region', async () => {
    const before = await progressMaintenance.snapshot(t.ctx.db);
    const e = await move('410181100', '巩义市退出测试水泥（更名）有限公司');
    expect(e.name).toBe('巩义市退出测试水泥（更名）有限公司');
    expect(await progressMaintenance.snapshot(t.ctx.db)).toEqual(before);
  });

  it('moves the tasks from 米河镇/巩义 to a township of 荥阳 in the same request', async () => {
    const e = await move('410182101');
    expect(e.regionCode).toBe('410182101');

    // Old places: nothing left, not even the overdue sealing or the planned enterprise.
    const gy = await picture(t, f.gy, '410181', YEAR);
    expect(gy).toMatchObject({ tasks: 0, overdueTasks: 0, enterprisesPlanned: 0, enterprisesAccepted: 0 });
    expect(figure(gy, 'cement')?.plannedTasks ?? 0).toBe(0);
    expect((await picture(t, f.gy, '410181100', YEAR)).tasks).toBe(0);

    // New places: every stage, capacity and the overdue sealing.
    const xy = await picture(t, f.xy, '410182', YEAR);
    expect(xy).toMatchObject({ tasks: 2, overdueTasks: 1, enterprisesPlanned: 1, enterprisesAccepted: 0 });
    expect(figure(xy, 'cement')).toMatchObject({ plannedTasks: 2, plannedCapacity: 12, sealedTasks: 1, sealedCapacity: 8, closedTasks: 1, closedCapacity: 4 });
    expect(row(xy, '410182101')).toMatchObject({ tasks: 2, overdueTasks: 1, enterprisesPlanned: 1 });

    // Shared ancestors count them once, as before; 郑州's children now show them under 荥阳.
    const zz = await picture(t, f.zz, '410100', YEAR);
    expect(zz).toMatchObject({ tasks: 2, overdueTasks: 1, enterprisesPlanned: 1 });
    expect(row(zz, '410181')).toMatchObject({ tasks: 0 });
    expect(row(zz, '410182')).toMatchObject({ tasks: 2 });
    expect((await picture(t, admin, '100000', YEAR)).tasks).toBe(2);

    const tables = await expectEqualToRebuild();
    const codes = (rows: unknown[]) => rows.map((r) => (r as { region_code: string }).region_code);
    expect(codes(tables.rollup)).not.toContain('410181');
    expect(codes(tables.rollup)).not.toContain('410181100');
    expect(codes(tables.deadlines)).toContain('410182101');
  });

  it('moves them up to the county itself, then follows a task finished after the move', async () => {
    await move('410182');
    const xy = await picture(t, f.xy, '410182', YEAR);
    expect(xy).toMatchObject({ tasks: 2, overdueTasks: 1 });
    expect(row(xy, '410182101')?.tasks ?? 0).toBe(0);
    // The county's own enterprises show in its 本级 row.
    expect(xy.children.find((c) => c.ownLevel)).toMatchObject({ code: '410182', tasks: 2, overdueTasks: 1, enterprisesPlanned: 1 });
    await expectEqualToRebuild();

    // After the move, task changes count at the new place: the enterprise is now all done in 荥阳.
    await fire(kiln, 'close');
    const done = await picture(t, f.xy, '410182', YEAR);
    expect(done).toMatchObject({ tasks: 2, overdueTasks: 0, enterprisesPlanned: 1, enterprisesAccepted: 1 });
    expect(figure(done, 'cement')).toMatchObject({ closedTasks: 2, closedCapacity: 12 });
    expect(await picture(t, f.gy, '410181', YEAR)).toMatchObject({ tasks: 0, enterprisesAccepted: 0 });
    await expectEqualToRebuild();
  });

  it('moves a finished enterprise back with its "all done" count', async () => {
    await move('410181100');
    const gy = await picture(t, f.gy, '410181', YEAR);
    expect(gy).toMatchObject({ tasks: 2, enterprisesPlanned: 1, enterprisesAccepted: 1 });
    expect(await picture(t, f.xy, '410182', YEAR)).toMatchObject({ tasks: 0, enterprisesPlanned: 0, enterprisesAccepted: 0 });
    await expectEqualToRebuild();
  });
});

/** A task change racing a region change: whichever commits first, the other counts at the right place. */
describe('progress rollup: task change concurrent with an enterprise move', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('ends equal to a rebuild', async () => {
    t = await createTestApp();
    const f = await approvedGongyiPlan(t);
    const admin = await t.login('admin');
    const made = await call(t, f.gy, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${f.planId}` });
    const ids: number[] = made.tasks.map((x: { id: number }) => x.id);
    await attachAllEvidence(t, ids);
    let version = (await call(t, f.zz, { method: 'GET', url: `/api/v1/enterprises/${f.ent.id}` })).version as number;
    const places = ['410182101', '410181100', '410182', '410181101'];
    const events = ['seal', 'dismantle', 'request_acceptance', 'accept'];
    for (let i = 0; i < events.length; i++) {
      const e = await call(t, f.zz, { method: 'GET', url: `/api/v1/enterprises/${f.ent.id}` });
      const [put, ...fired] = await Promise.all([
        t.request({ method: 'PUT', url: `/api/v1/enterprises/${f.ent.id}`, cookie: f.zz, payload: { ...enterpriseBody({ regionCode: places[i], uscc: e.uscc, name: e.name }), version } }),
        ...ids.map((id) =>
          t.request({ method: 'POST', url: `/api/v1/exit-tasks/${id}/transitions`, cookie: f.zz, payload: { event: events[i], payload: payloadFor(events[i]!, '2026-06-30') } }),
        ),
      ]);
      expect(put!.statusCode, put!.body).toBe(200);
      version = put!.json().version;
      for (const r of fired) expect(r.statusCode, r.body).toBe(200);
    }
    const xy = await picture(t, f.xy, '410182', YEAR);
    expect(xy).toMatchObject({ tasks: 0 });
    const gy = await picture(t, f.gy, '410181101', YEAR);
    expect(gy).toMatchObject({ tasks: 2, enterprisesPlanned: 1, enterprisesAccepted: 1 });
    const maintained = await progressMaintenance.snapshot(t.ctx.db);
    await call(t, admin, { method: 'POST', url: '/api/v1/progress/rebuild' });
    expect(await progressMaintenance.snapshot(t.ctx.db)).toEqual(maintained);
  });
});
