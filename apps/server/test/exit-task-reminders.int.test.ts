import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { runExitTaskReminders } from '../src/modules/exit-task/index.ts';
import { approvedGongyiPlan, evidenceForm, JPEG, PDF, pdfOf, photo } from './exit-task-fixtures.ts';
import { relogin, setBeijingDate } from './filing-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call, YEAR } from './target-fixtures.ts';

const DEADLINE = '2026-03-20'; // a Friday; 3 working days before it is Tue 17 March

describe('dismantling-deadline reminders for sealed lines', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof approvedGongyiPlan>>;
  let c: Record<string, string>;
  let kilnTask: number;
  let millTask: number;
  let xyTask: number;
  const USERS = ['admin', 'gy-office', 'gy-town', 'gy-park', 'xy-office', 'zz-office', 'ha-office'];

  const upload = async (cookie: string, id: number, kind: string, file: Buffer, name: string) => {
    const res = await t.request({ method: 'POST', url: `/api/v1/exit-tasks/${id}/evidence`, cookie, ...evidenceForm(kind, file, name) });
    expect(res.statusCode, res.body).toBe(201);
  };
  const fire = (cookie: string, id: number, event: string, payload: Record<string, unknown>) =>
    call(t, cookie, { method: 'POST', url: `/api/v1/exit-tasks/${id}/transitions`, payload: { event, payload } });
  const seal = async (cookie: string, id: number) => {
    await upload(cookie, id, 'seal_photo', JPEG, '封存照片.jpg');
    await upload(cookie, id, 'commitment_scan', PDF, '公开承诺书.pdf');
    return fire(cookie, id, 'seal', { waterCut: true, powerCut: true, powerUnitsRemoved: true, equipmentSealed: true, dismantleDeadline: DEADLINE });
  };
  /** Moves the Beijing date; sessions expire after 30 idle minutes, so everyone logs in again. */
  const moveTo = async (date: string) => {
    setBeijingDate(t, date);
    c = await relogin(t, USERS);
  };
  const run = async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/jobs/exit-task-reminders/run', cookie: c.admin });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { created: number; today: string };
  };
  const sent = () =>
    queryRows<{ user: string; kind: string; task: string; n: number }>(
      t.ctx.db,
      sql`SELECT u.username AS user, n.kind, n.entity_id AS task, count(*)::int AS n FROM notification n JOIN app_user u ON u.id = n.user_id
          WHERE n.kind LIKE 'dismantle%' GROUP BY 1, 2, 3 ORDER BY 2, 1, 3`,
    );

  beforeAll(async () => {
    t = await createTestApp();
    f = await approvedGongyiPlan(t);
    // 荥阳's own plan with its line, approved by 郑州: its reminders must go to 荥阳 only.
    const plan = await call(t, f.xy, { method: 'POST', url: '/api/v1/elimination-plans', payload: { regionCode: '410182', year: YEAR } }, 201);
    await call(t, f.xy, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/lines`, payload: { version: plan.version, items: [{ lineId: f.xyKiln.id }] } });
    await call(t, f.xy, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/transitions`, payload: { event: 'submit' } });
    await call(t, f.zz, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/transitions`, payload: { event: 'approve' } });
    const gyTasks = (await call(t, f.gy, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${f.planId}` })).tasks;
    kilnTask = gyTasks.find((x: { lineId: number }) => x.lineId === f.kiln.id).id;
    millTask = gyTasks.find((x: { lineId: number }) => x.lineId === f.mill.id).id;
    xyTask = (await call(t, f.xy, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${plan.id}` })).tasks[0].id;
    for (const id of [kilnTask, millTask]) expect((await seal(f.gy, id)).status).toBe('sealed');
    expect((await seal(f.xy, xyTask)).status).toBe('sealed');
    c = await relogin(t, USERS);
  });
  afterAll(() => t.close());

  it('is an admin job: others are refused, and it is documented', async () => {
    expect((await t.request({ method: 'POST', url: '/api/v1/jobs/exit-task-reminders/run', cookie: c['gy-office'] })).statusCode).toBe(403);
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/v1/jobs/exit-task-reminders/run']?.post).toMatchObject({ tags: ['jobs'], responses: { 200: expect.anything() } });
  });

  it('sends nothing while the deadline is more than N working days away', async () => {
    expect(await run()).toMatchObject({ today: '2026-03-02', created: 0 });
    await moveTo('2026-03-16'); // Mon: 4 working days left
    expect(await run()).toMatchObject({ today: '2026-03-16', created: 0 });
    expect(await sent()).toEqual([]);
  });

  it('sends “due soon” N working days before, to the county office and township staff only, once', async () => {
    await moveTo('2026-03-17');
    // 2 巩义 tasks × (gy-office, gy-town) + the 荥阳 task × xy-office.
    expect(await run()).toMatchObject({ today: '2026-03-17', created: 5 });
    expect((await run()).created).toBe(0);
    // The scheduled sweep (main.ts) calls the same function; two at once still send nothing twice.
    const both = await Promise.all([runExitTaskReminders(t.ctx), runExitTaskReminders(t.ctx)]);
    expect(both.map((r) => r.created)).toEqual([0, 0]);
    expect(await sent()).toEqual([
      { user: 'gy-office', kind: 'dismantle_due_soon', task: String(kilnTask), n: 1 },
      { user: 'gy-office', kind: 'dismantle_due_soon', task: String(millTask), n: 1 },
      { user: 'gy-town', kind: 'dismantle_due_soon', task: String(kilnTask), n: 1 },
      { user: 'gy-town', kind: 'dismantle_due_soon', task: String(millTask), n: 1 },
      { user: 'xy-office', kind: 'dismantle_due_soon', task: String(xyTask), n: 1 },
    ]);
    const mine = (await call(t, c['gy-office'], { method: 'GET', url: '/api/v1/notifications' })).items;
    const kiln = mine.find((n: { entityId: string }) => n.entityId === String(kilnTask));
    expect(kiln).toMatchObject({
      kind: 'dismantle_due_soon',
      title: '【拆除期限临近】巩义市退出测试水泥有限公司 退出测试2号立窑',
      body: `巩义市退出测试水泥有限公司 退出测试2号立窑 须于 ${DEADLINE} 前拆除（剩余 3 个工作日）。`,
      entityType: 'exit_task',
      link: `/exit-tasks/${kilnTask}`,
    });
    // Other regions, the park of another township, and the offices above the county hear nothing of the deadline
    // (the plan approvals of the set-up put other notices, to-do arrivals, in their centres).
    const dismantling = (items: { kind: string; entityId: string }[]) => items.filter((n) => n.kind.startsWith('dismantle'));
    for (const who of ['gy-park', 'zz-office', 'ha-office']) {
      expect(dismantling((await call(t, c[who]!, { method: 'GET', url: '/api/v1/notifications' })).items), who).toEqual([]);
    }
    const xyMine = dismantling((await call(t, c['xy-office'], { method: 'GET', url: '/api/v1/notifications' })).items);
    expect(xyMine.map((n: { entityId: string }) => n.entityId)).toEqual([String(xyTask)]);
    const audit = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'exit_task.reminders_sent'`);
    expect(audit[0]!.n).toBe(1);
  });

  it('sends “overdue” once past the deadline, and nothing for a line dismantled in time', async () => {
    await moveTo('2026-03-18');
    for (const kind of ['photo_before', 'photo_during', 'photo_after']) await upload(c['gy-office']!, millTask, kind, photo(kind), `${kind}.jpg`);
    await upload(c['gy-office']!, millTask, 'witness_record', pdfOf('witness'), '拆除见证记录.pdf');
    const done = await fire(c['gy-office']!, millTask, 'dismantle', { legalRepresentative: '王法人', officials: ['米河镇 赵干部'], destination: 'scrapped' });
    expect(done.status).toBe('dismantled');
    // On the deadline day itself the task is not yet overdue.
    await moveTo(DEADLINE);
    expect((await run()).created).toBe(0);
    await moveTo('2026-03-23');
    expect(await run()).toMatchObject({ today: '2026-03-23', created: 3 });
    expect((await run()).created).toBe(0);
    await moveTo('2026-03-30');
    expect((await run()).created).toBe(0);
    const overdue = (await sent()).filter((r) => r.kind === 'dismantle_overdue');
    expect(overdue).toEqual([
      { user: 'gy-office', kind: 'dismantle_overdue', task: String(kilnTask), n: 1 },
      { user: 'gy-town', kind: 'dismantle_overdue', task: String(kilnTask), n: 1 },
      { user: 'xy-office', kind: 'dismantle_overdue', task: String(xyTask), n: 1 },
    ]);
    const town = (await call(t, c['gy-town']!, { method: 'GET', url: '/api/v1/notifications' })).items[0];
    expect(town).toMatchObject({
      kind: 'dismantle_overdue',
      title: '【拆除逾期】巩义市退出测试水泥有限公司 退出测试2号立窑',
      body: `巩义市退出测试水泥有限公司 退出测试2号立窑 拆除期限 ${DEADLINE} 已过（逾期 3 天），仍未拆除，请督促企业立即拆除。`,
      link: `/exit-tasks/${kilnTask}`,
    });
  });
});
