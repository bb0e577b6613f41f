import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { runTodoReminders } from '../src/modules/todo/index.ts';
import { createEnterprise, createLine } from './enterprise-fixtures.ts';
import { gongyiAwaitingAcceptance } from './inspection-fixtures.ts';
import { onceRequirement, relogin, setBeijingDate } from './filing-fixtures.ts';
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

  it('puts a filing on the issuing office’s list until it is received and accepted', async () => {
    const req = await call(t, c['ha-office']!, { method: 'POST', url: '/api/v1/filing-requirements', payload: onceRequirement() }, 201);
    const filed = await call(t, c['gy-office']!, { method: 'POST', url: `/api/v1/filing-requirements/${req.id}/filings`, payload: { values: { contact: '王五', phone: '0371-64000000' } } }, 201);
    const key = `filing:${filed.id}`;
    const item = (await todo('ha-office')).items.find((i) => i.key === key);
    expect(item).toMatchObject({ kindLabel: '报送', awaitsLabel: '待接收', title: '实施方案及工作联系人（巩义市）', events: [{ event: 'receive', label: '接收' }] });
    expect(await keys('zz-office')).not.toContain(key);
    expect(await keys('gy-office')).not.toContain(key);
    expect((await notices('todo_arrived')).filter((n) => n.entity === key).map((n) => n.user)).toEqual(['ha-office']);
    await call(t, c['ha-office']!, { method: 'POST', url: `/api/v1/filings/${filed.id}/receive` });
    expect((await todo('ha-office')).items.find((i) => i.key === key)).toMatchObject({ awaitsLabel: '待核实', events: [{ event: 'accept', label: '采纳' }] });
    await call(t, c['ha-office']!, { method: 'POST', url: `/api/v1/filings/${filed.id}/accept` });
    expect(await keys('ha-office')).not.toContain(key);
  });

  it('puts a submitted announcement on the leader’s and the province’s lists, never the drafter’s', async () => {
    const a = await call(t, c['gy-office']!, { method: 'POST', url: '/api/v1/announcements', payload: { regionCode: '410181', year: YEAR, kind: 'plan_list', sourcePlanId: gyPlan } }, 201);
    notice = a.id;
    await call(t, c['gy-office']!, { method: 'POST', url: `/api/v1/announcements/${notice}/transitions`, payload: { event: 'submit' } });
    expect(await keys('gy-leader')).toEqual([`announcement:${notice}`]);
    expect(await keys('ha-office')).toEqual([`announcement:${notice}`]);
    expect(await keys('gy-office')).toEqual([]);
    expect(await keys('xy-office')).toEqual([]);
    // The arrival goes to the closest level that may act (巩义's own leader); the province sees it on its list.
    const arrived = (await notices('todo_arrived')).filter((n) => n.entity === `announcement:${notice}`).map((n) => n.user);
    expect(arrived).toEqual(['gy-leader']);
    const [item] = (await todo('gy-leader')).items;
    expect(item).toMatchObject({ kindLabel: '公告', awaitsLabel: '待审批', link: `/announcements/${notice}` });
  });

  it('reminds the closest level once before the due date and every level once when overdue, however often the job runs', async () => {
    // The announcement (5 working days from Mon 2 March: due Mon 9 March) is reminded from Thu 5 March.
    setBeijingDate(t, '2026-03-04');
    expect((await runTodoReminders(t.ctx)).created).toBe(0);
    setBeijingDate(t, '2026-03-05');
    const first = await runTodoReminders(t.ctx);
    expect(first.created).toBe(1);
    expect((await runTodoReminders(t.ctx)).created).toBe(0);
    expect((await notices('todo_due_soon')).map((n) => [n.user, n.entity])).toEqual([['gy-leader', `announcement:${notice}`]]);
    // Past due: one overdue reminder each, and the list says how many working days over.
    setBeijingDate(t, '2026-03-11');
    expect((await runTodoReminders(t.ctx)).created).toBe(2);
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

  it('puts an objection to a 公示 on the issuing office’s list until it is answered', async () => {
    for (const event of ['approve', 'publish']) {
      await call(t, c['gy-leader']!, { method: 'POST', url: `/api/v1/announcements/${notice}/transitions`, payload: { event, reason: event === 'approve' ? '同意公示' : '' } });
    }
    // Approving and publishing took it off every list; the opinion is in the history.
    expect(await keys('gy-leader')).toEqual([]);
    const history = await call(t, c['gy-office']!, { method: 'GET', url: `/api/v1/announcements/${notice}/history` });
    expect(history.find((h: { event: string }) => h.event === 'approve')).toMatchObject({ reason: '同意公示' });
    const filed = await t.request({
      method: 'POST',
      url: `/api/v1/public/announcements/${notice}/objections`,
      payload: { content: '该企业生产线已于去年拆除，不应列入', name: '王先生', phone: '13800138000' },
      remoteAddress: '198.51.100.7',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const receipt = filed.json().receiptCode as string;
    const [item] = (await todo('gy-office')).items.filter((i) => i.key.startsWith('announcement_objection:'));
    expect(item).toMatchObject({ kindLabel: '公示异议', awaitsLabel: '待答复', link: `/announcements/${notice}` });
    // The title names the receipt, never the objector's name or phone.
    expect(item!.title).toContain(receipt);
    expect(JSON.stringify(item)).not.toMatch(/王先生|13800138000/);
    for (const u of ['gy-leader', 'zz-office', 'xy-office']) expect((await keys(u)).filter((k) => k.startsWith('announcement_objection:'))).toEqual([]);
    const [objection] = await call(t, c['gy-office']!, { method: 'GET', url: `/api/v1/announcements/${notice}/objections` });
    await call(t, c['gy-office']!, { method: 'POST', url: `/api/v1/announcements/${notice}/objections/${objection.id}/answer`, payload: { answer: '经核查，名单无误，特此答复。', version: objection.version } });
    expect((await keys('gy-office')).filter((k) => k.startsWith('announcement_objection:'))).toEqual([]);
  });
});

describe('待办 of exit tasks awaiting acceptance and of inspection rounds awaiting their signer', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof gongyiAwaitingAcceptance>>;
  const keysOf = async (cookie: string) => ((await call(t, cookie, { method: 'GET', url: '/api/v1/todo' })).items as Item[]).map((i) => i.key).sort();
  const arrivals = () =>
    queryRows<{ user: string; entity: string }>(
      t.ctx.db,
      sql`SELECT u.username AS user, n.entity_type AS entity FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.kind = 'todo_arrived' ORDER BY 2, 1`,
    );

  beforeAll(async () => {
    t = await createTestApp();
    f = await gongyiAwaitingAcceptance(t);
  });
  afterAll(() => t.close());

  it('lists the tasks for the offices that may accept them, and the round for its signer only', async () => {
    const tasks = Object.values(f.tasks).map((id) => `exit_task:${id}`).sort();
    expect(await keysOf(f.gy)).toEqual(tasks);
    expect(await keysOf(f.zz)).toEqual(tasks);
    expect(await keysOf(await t.login('xy-office'))).toEqual([]);
    // gy-office requested acceptance itself, so the closest other office that may act (郑州) is told, once per task.
    expect((await arrivals()).filter((a) => a.entity === 'exit_task').map((a) => a.user)).toEqual(['zz-office', 'zz-office', 'zz-office', 'zz-office']);

    const agencies: { id: number; kind: string }[] = await call(t, f.gy, { method: 'GET', url: '/api/v1/regions/410181/agencies' });
    const kind = (k: string) => agencies.find((a) => a.kind === k)!.id;
    // The round's leader account is 郑州's office (issue 10 §2): the round waits on its list only.
    const accounts: { id: number; displayName: string }[] = await call(t, f.gy, { method: 'GET', url: '/api/v1/inspections/leader-accounts' });
    const leaderUserId = accounts.find((a) => a.displayName === '郑州市领导小组办公室')!.id;
    let round = await call(
      t,
      f.gy,
      {
        method: 'POST',
        url: '/api/v1/inspections',
        payload: {
          leaderUserId,
          title: '2026年第一批联合检查验收',
          year: YEAR,
          startDate: '2026-03-01',
          endDate: '2026-03-31',
          team: [
            { agencyId: kind('industry'), personName: '张组长', role: 'leader' },
            { agencyId: kind('ecology'), personName: '李成员', role: 'member' },
          ],
        },
      },
      201,
    );
    round = await call(t, f.gy, { method: 'POST', url: `/api/v1/inspections/${round.id}/records`, payload: { enterpriseIds: [f.a.id, f.b.id, f.c.id] } });
    round = await call(t, f.gy, { method: 'POST', url: `/api/v1/inspections/${round.id}/transitions`, payload: { event: 'start', version: round.version } });
    // The clerk who formed the round may not conclude it (四眼原则): it is on 郑州's list, not on 巩义's.
    expect(await keysOf(f.zz)).toContain(`inspection_round:${round.id}`);
    expect(await keysOf(f.gy)).not.toContain(`inspection_round:${round.id}`);
    // Nor does any other office that is not the leader account: 河南's office is not waited for.
    expect(await keysOf(await t.login('ha-office'))).not.toContain(`inspection_round:${round.id}`);

    // A conclusion fires the task's accept in the inspection's transaction: the task leaves every list.
    const rec = round.records.find((r: { enterpriseId: number }) => r.enterpriseId === f.b.id);
    await call(t, f.zz, {
      method: 'POST',
      url: `/api/v1/inspections/${round.id}/records/${rec.id}/conclusion`,
      payload: { version: rec.version, inspectedOn: '2026-03-02', notes: '', equipmentDismantled: true, powerCut: true, destinationDocumented: true, workersPlaced: true, conclusion: 'pass' },
    });
    expect(await keysOf(f.gy)).not.toContain(`exit_task:${f.tasks.b}`);
    expect(await keysOf(f.zz)).not.toContain(`exit_task:${f.tasks.b}`);
    expect(await keysOf(f.zz)).toContain(`exit_task:${f.tasks.c}`);
  });
});
