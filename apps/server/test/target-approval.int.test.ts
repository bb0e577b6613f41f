import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { DUTY_RULES } from '../src/platform/lifecycle/index.ts';
import { createEnterprise, createLine } from './enterprise-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { allocate, call, createRootTarget, nameLines } from './target-fixtures.ts';

type Item = { key: string } & Record<string, unknown>;

// Issue 10 §2: a region's decomposition of its target is submitted by its office and approved by the level
// above (省直管县 by the province), never by the submitter.
describe('target decomposition approval: draft → submitted → approved, returned with a reason', () => {
  let t: TestApp;
  let ha: string;
  let zz: string;
  let gy: string;
  let admin: string;
  let zzTargetId: number;
  let gyTargetId: number;
  let lineIds: number[];
  const fire = (cookie: string, id: number, event: string, reason?: string) =>
    t.request({ method: 'POST', url: `/api/v1/targets/${id}/transitions`, cookie, payload: { event, ...(reason !== undefined ? { reason } : {}) } });
  const get = (cookie: string, id: number) => call(t, cookie, { method: 'GET', url: `/api/v1/targets/${id}` });
  const todoKeys = async (cookie: string) => ((await call(t, cookie, { method: 'GET', url: '/api/v1/todo' })).items as Item[]).map((i) => i.key);

  beforeAll(async () => {
    t = await createTestApp();
    [ha, zz, gy, admin] = [await t.login('ha-office'), await t.login('zz-office'), await t.login('gy-office'), await t.login('admin')];
    const province = await createRootTarget(t, ha);
    const afterHa = await allocate(t, ha, province.id, [{ regionCode: '410100', quantity: 1500, enterpriseCount: 8 }]);
    zzTargetId = afterHa.allocations[0].targetId;
    const afterZz = await allocate(t, zz, zzTargetId, [{ regionCode: '410181', quantity: 900, enterpriseCount: 5 }]);
    gyTargetId = afterZz.allocations[0].targetId;
    const ent = await createEnterprise(t, gy, { name: '巩义市审批水泥有限公司', regionCode: '410181100' });
    lineIds = [(await createLine(t, gy, ent.id, { name: '1号机立窑', capacity: 500 })).id, (await createLine(t, gy, ent.id, { name: '2号机立窑', capacity: 400 })).id];
  });
  afterAll(() => t.close());

  it('refuses to submit an empty decomposition, then submits 郑州’s and shows it 待审批 to both sides', async () => {
    expect((await get(gy, gyTargetId)).availableEvents).toEqual(['submit']);
    const empty = await fire(gy, gyTargetId, 'submit');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('目标任务尚未分解到下级区划或生产线，不能报送');
    expect((await fire(ha, zzTargetId, 'submit')).statusCode).toBe(403);
    const res = await fire(zz, zzTargetId, 'submit');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ decompositionStatus: 'submitted', availableEvents: [] });
    expect((await get(ha, zzTargetId)).availableEvents).toEqual(['return', 'approve']);
    const listed = await call(t, zz, { method: 'GET', url: '/api/v1/targets?region=410100&year=2026' });
    expect(listed[0]).toMatchObject({ id: zzTargetId, decompositionStatus: 'submitted' });
  });

  it('refuses the submitter with the rule text and edits while submitted; the upper office approves', async () => {
    const self = await fire(zz, zzTargetId, 'approve');
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toBe(DUTY_RULES.targetSelf);
    // 巩义 cannot see 郑州's target at all: out of scope is 404.
    expect((await fire(gy, zzTargetId, 'approve')).statusCode).toBe(404);
    const locked = await allocate(t, zz, zzTargetId, [{ regionCode: '410181', quantity: 800, enterpriseCount: 5 }], 409);
    expect(locked.message).toBe('目标分解已报送待上级审批，审批或退回前不能修改');
    expect(await todoKeys(ha)).toContain(`target:${zzTargetId}`);
    const ok = await fire(ha, zzTargetId, 'approve', '同意。');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ decompositionStatus: 'approved', availableEvents: [], returnReason: null });
    expect(await todoKeys(ha)).not.toContain(`target:${zzTargetId}`);
  });

  it('routes 巩义 (省直管县) to the province, not to 郑州, and lists it on the province’s 待办 only', async () => {
    await nameLines(t, gy, gyTargetId, lineIds.map((lineId) => ({ lineId })));
    expect((await fire(gy, gyTargetId, 'submit')).statusCode).toBe(200);
    const byZz = await fire(zz, gyTargetId, 'approve');
    expect(byZz.statusCode).toBe(403);
    expect(byZz.json().message).toBe(DUTY_RULES.targetUpper);
    expect((await get(zz, gyTargetId)).availableEvents).toEqual([]);
    expect(await todoKeys(zz)).not.toContain(`target:${gyTargetId}`);
    const items = (await call(t, ha, { method: 'GET', url: '/api/v1/todo' })).items as Item[];
    expect(items.find((i) => i.key === `target:${gyTargetId}`)).toMatchObject({
      title: '巩义市2026年水泥目标任务分解',
      kindLabel: '目标分解',
      awaitsLabel: '待审批',
      link: `/targets/${gyTargetId}`,
      events: [{ event: 'approve', label: '批准' }],
    });
    expect(await todoKeys(gy)).not.toContain(`target:${gyTargetId}`);
    // The arrival notice goes to the approver's office (the province), never to the mover or to 郑州.
    const told = await queryRows<{ username: string }>(
      t.ctx.db,
      sql`SELECT u.username FROM notification n JOIN app_user u ON u.id = n.user_id
          WHERE n.kind = 'todo_arrived' AND n.entity_type = 'target' AND n.entity_id = ${gyTargetId}`,
    );
    expect(told.map((r) => r.username)).toEqual(['ha-office']);
  });

  it('returns only with a reason; the office corrects while returned and submits again', async () => {
    const bare = await fire(ha, gyTargetId, 'return');
    expect(bare.statusCode).toBe(400);
    expect(bare.json().message).toBe('退回时请填写原因');
    const back = await fire(ha, gyTargetId, 'return', '请补充3号线');
    expect(back.json()).toMatchObject({ decompositionStatus: 'returned', returnReason: '请补充3号线', availableEvents: [] });
    expect((await get(gy, gyTargetId)).availableEvents).toEqual(['submit']);
    expect(await todoKeys(ha)).not.toContain(`target:${gyTargetId}`);
    const edited = await nameLines(t, gy, gyTargetId, [{ lineId: lineIds[0] }]);
    expect(edited).toMatchObject({ decompositionStatus: 'returned', lines: [{ lineId: lineIds[0] }] });
    const again = await fire(gy, gyTargetId, 'submit');
    expect(again.json()).toMatchObject({ decompositionStatus: 'submitted', returnReason: null });
  });

  it('lets only one of two concurrent approvals through', async () => {
    const [a, b] = await Promise.all([fire(ha, gyTargetId, 'approve', '同意。'), fire(admin, gyTargetId, 'approve')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().message).toMatch(/已被他人改变|不能批准/);
    expect((await get(gy, gyTargetId)).decompositionStatus).toBe('approved');
    expect(await todoKeys(ha)).not.toContain(`target:${gyTargetId}`);
  });

  it('sends an approved decomposition back to draft when it is edited, to be approved again', async () => {
    const edited = await nameLines(t, gy, gyTargetId, lineIds.map((lineId) => ({ lineId })));
    expect(edited).toMatchObject({ decompositionStatus: 'draft', availableEvents: ['submit'] });
  });

  it('keeps the history: who moved it, from what to what, with the reason and the opinion; scoped like the target', async () => {
    const h = await call(t, zz, { method: 'GET', url: `/api/v1/targets/${gyTargetId}/history` });
    expect(h.map((e: Record<string, unknown>) => [e.event, e.fromStatus, e.toStatus])).toEqual([
      ['submit', 'draft', 'submitted'],
      ['return', 'submitted', 'returned'],
      ['submit', 'returned', 'submitted'],
      ['approve', 'submitted', 'approved'],
      ['reopen', 'approved', 'draft'],
    ]);
    expect(h[1]).toMatchObject({ reason: '请补充3号线', eventLabel: '退回', toLabel: '已退回' });
    expect(h[0]).toMatchObject({ fromLabel: '未报送', toLabel: '待审批' });
    const zzHistory = await call(t, zz, { method: 'GET', url: `/api/v1/targets/${zzTargetId}/history` });
    expect(zzHistory.at(-1)).toMatchObject({ event: 'approve', reason: '同意。' });
    const xy = await t.login('xy-office');
    expect((await t.request({ method: 'GET', url: `/api/v1/targets/${gyTargetId}/history`, cookie: xy })).statusCode).toBe(404);
    const log = await call(t, admin, { method: 'GET', url: `/api/v1/audit?entityType=target&entityId=${zzTargetId}&action=target.decomposition.approve` });
    expect(log.items ?? log).toHaveLength(1);
  });
});
