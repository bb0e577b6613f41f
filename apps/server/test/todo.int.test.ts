import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { runTodoReminders } from '../src/modules/todo/index.ts';
import { createEnterprise, createLine } from './enterprise-fixtures.ts';
import { relogin, setBeijingDate } from './filing-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call, YEAR } from './target-fixtures.ts';

interface Item {
  key: string;
  title: string;
  kindLabel: string;
  awaitsLabel: string;
  link: string;
  events: { event: string; label: string }[];
  dueDate: string | null;
  workingDaysLeft: number | null;
  workingDaysOverdue: number;
  overdue: boolean;
}

const USERS = ['admin', 'gy-office', 'gy-leader', 'zz-office', 'xy-office', 'ha-office'];

describe('待办: computed from every lifecycle machine, notified on arrival, reminded before due', () => {
  let t: TestApp;
  let c: Record<string, string>;
  let gyPlan: number;
  let xyPlan: number;
  let notice: number;

  const todo = async (user: string) => (await call(t, c[user]!, { method: 'GET', url: '/api/v1/todo' })) as { items: Item[]; total: number; overdue: number };
  const keys = async (user: string) => (await todo(user)).items.map((i) => i.key);
  const count = async (user: string) => (await call(t, c[user]!, { method: 'GET', url: '/api/v1/todo/count' })).count as number;
  const firePlan = (user: string, id: number, event: string, reason?: string) =>
    call(t, c[user]!, { method: 'POST', url: `/api/v1/elimination-plans/${id}/transitions`, payload: { event, reason } });
  const notices = (kind: string) =>
    queryRows<{ user: string; title: string; entity: string; n: number }>(
      t.ctx.db,
      sql`SELECT u.username AS user, n.title, n.entity_type || ':' || n.entity_id AS entity, count(*)::int AS n FROM notification n
          JOIN app_user u ON u.id = n.user_id WHERE n.kind = ${kind} GROUP BY 1, 2, 3 ORDER BY 3, 1`,
    );

  /** A region's plan with one line, submitted by its own office. */
  const submittedPlan = async (user: string, regionCode: string, townCode: string) => {
    const ent = await createEnterprise(t, c[user]!, { regionCode: townCode });
    const ln = await createLine(t, c[user]!, ent.id, { capacity: 5 });
    const plan = await call(t, c[user]!, { method: 'POST', url: '/api/v1/elimination-plans', payload: { regionCode, year: YEAR } }, 201);
    await call(t, c[user]!, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/lines`, payload: { version: plan.version, items: [{ lineId: ln.id }] } });
    await firePlan(user, plan.id, 'submit');
    return plan.id as number;
  };

  beforeAll(async () => {
    t = await createTestApp();
    c = await relogin(t, USERS);
    gyPlan = await submittedPlan('gy-office', '410181', '410181100');
    xyPlan = await submittedPlan('xy-office', '410182', '410182101');
  });
  afterAll(() => t.close());

  it('lists for each actor exactly the records whose machine lets them fire an awaited event', async () => {
    // 巩义 is a 省直管县: the province approves its plan, never 郑州; 荥阳's plan goes to 郑州 (四眼原则).
    expect(await keys('ha-office')).toEqual([`elimination_plan:${gyPlan}`]);
    expect(await keys('zz-office')).toEqual([`elimination_plan:${xyPlan}`]);
    expect(await keys('admin')).toEqual(expect.arrayContaining([`elimination_plan:${gyPlan}`, `elimination_plan:${xyPlan}`]));
    // The submitters, the neighbours (out of scope) and the read-only leader have nothing to do on plans.
    for (const u of ['gy-office', 'xy-office', 'gy-leader']) expect(await keys(u)).toEqual([]);
    const [item] = (await todo('ha-office')).items;
    expect(item).toMatchObject({
      title: `巩义市${YEAR}年淘汰计划`,
      kindLabel: '淘汰计划',
      awaitsLabel: '待审批',
      link: `/elimination-plans/${gyPlan}`,
      events: [{ event: 'approve', label: '批准' }],
      overdue: false,
      workingDaysOverdue: 0,
    });
    // Submitted on Mon 2026-03-02: 10 working days later is Mon 16 March.
    expect(item!.dueDate).toBe('2026-03-16');
    expect(item!.workingDaysLeft).toBe(10);
    expect(await count('ha-office')).toBe(1);
  });

  it('tells those who may act when a record arrives, exactly once, in the transition’s transaction', async () => {
    expect(await notices('todo_arrived')).toEqual([
      { user: 'ha-office', title: `巩义市${YEAR}年淘汰计划待审批`, entity: `elimination_plan:${gyPlan}`, n: 1 },
      { user: 'zz-office', title: `荥阳市${YEAR}年淘汰计划待审批`, entity: `elimination_plan:${xyPlan}`, n: 1 },
    ]);
    // A refused move writes nothing: 郑州 may not approve 巩义's plan, and no notice or item appears.
    const refused = await t.request({ method: 'POST', url: `/api/v1/elimination-plans/${gyPlan}/transitions`, cookie: c['zz-office']!, payload: { event: 'approve' } });
    expect(refused.statusCode).toBe(403);
    expect((await notices('todo_arrived')).length).toBe(2);
  });

  it('clears the item when the event fires, and keeps the approval opinion in the history', async () => {
    await firePlan('ha-office', gyPlan, 'approve', '同意，请按期完成淘汰任务');
    expect(await keys('ha-office')).toEqual([]);
    expect(await count('ha-office')).toBe(0);
    const history = await call(t, c['gy-office']!, { method: 'GET', url: `/api/v1/elimination-plans/${gyPlan}/history` });
    expect(history.at(-1)).toMatchObject({ event: 'approve', reason: '同意，请按期完成淘汰任务' });
    // Returned with a reason: off 郑州's list; resubmitted: back on it, with a fresh arrival notice.
    await firePlan('zz-office', xyPlan, 'return', '请补充淘汰期限');
    expect(await keys('zz-office')).toEqual([]);
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    await firePlan('xy-office', xyPlan, 'submit');
    expect(await keys('zz-office')).toEqual([`elimination_plan:${xyPlan}`]);
    expect((await notices('todo_arrived')).find((n) => n.user === 'zz-office')!.n).toBe(2);
  });

  it('puts a submitted announcement on the leader’s and the province’s lists, never the drafter’s', async () => {
    const a = await call(t, c['gy-office']!, { method: 'POST', url: '/api/v1/announcements', payload: { regionCode: '410181', year: YEAR, kind: 'plan_list', sourcePlanId: gyPlan } }, 201);
    notice = a.id;
    await call(t, c['gy-office']!, { method: 'POST', url: `/api/v1/announcements/${notice}/transitions`, payload: { event: 'submit' } });
    expect(await keys('gy-leader')).toEqual([`announcement:${notice}`]);
    expect(await keys('ha-office')).toEqual([`announcement:${notice}`]);
    expect(await keys('gy-office')).toEqual([]);
    expect(await keys('xy-office')).toEqual([]);
    const arrived = (await notices('todo_arrived')).filter((n) => n.entity === `announcement:${notice}`).map((n) => n.user);
    expect(arrived).toEqual(['gy-leader', 'ha-office']);
    const [item] = (await todo('gy-leader')).items;
    expect(item).toMatchObject({ kindLabel: '公告', awaitsLabel: '待审批', link: `/announcements/${notice}` });
  });

  it('reminds once before the due date and once when overdue, however often the job runs', async () => {
    // The announcement (5 working days from Mon 2 March: due Mon 9 March) is reminded from Thu 5 March.
    setBeijingDate(t, '2026-03-04');
    expect((await runTodoReminders(t.ctx)).created).toBe(0);
    setBeijingDate(t, '2026-03-05');
    const first = await runTodoReminders(t.ctx);
    expect(first.created).toBe(2);
    expect((await runTodoReminders(t.ctx)).created).toBe(0);
    expect((await notices('todo_due_soon')).map((n) => [n.user, n.entity])).toEqual([
      ['gy-leader', `announcement:${notice}`],
      ['ha-office', `announcement:${notice}`],
    ]);
    // Past due: one overdue reminder each, and the list says how many working days over.
    setBeijingDate(t, '2026-03-11');
    expect((await runTodoReminders(t.ctx)).created).toBeGreaterThanOrEqual(2);
    expect((await runTodoReminders(t.ctx)).created).toBe(0);
    const overdue = await notices('todo_overdue');
    expect(overdue.filter((n) => n.entity === `announcement:${notice}`).map((n) => [n.user, n.n])).toEqual([
      ['gy-leader', 1],
      ['ha-office', 1],
    ]);
    c = await relogin(t, USERS);
    const list = await todo('gy-leader');
    expect(list.overdue).toBe(1);
    expect(list.items[0]).toMatchObject({ overdue: true, dueDate: '2026-03-09', workingDaysLeft: 0, workingDaysOverdue: 2 });
  });
});
