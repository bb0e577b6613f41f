import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUTY_RULES } from '../src/platform/lifecycle/index.ts';
import { createEnterprise, createLine } from './enterprise-fixtures.ts';
import { agencyId, insertCase } from './support/department-list-fixture.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

/**
 * Issue 12 "Yellow and red lists, published": a department drafts its list as an announcement kind, the
 * region's leader approves and publishes it (never the drafter), it shows on /public, replaces the older list,
 * and the office and every member agency are notified (002 §四(二)).
 */
describe('department lists published through the announcement machinery', () => {
  let t: TestApp;
  let fgw: string;
  let sthj: string;
  let gy: string;
  let leader: string;
  let caseId: number;
  let first: number;

  const create = (cookie: string, payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/v1/announcements', cookie, payload });
  const fire = (cookie: string, id: number, event: string, reason = '') => t.request({ method: 'POST', url: `/api/v1/announcements/${id}/transitions`, cookie, payload: { event, reason } });
  const notices = async (cookie: string) =>
    (await call(t, cookie, { method: 'GET', url: '/api/v1/notifications?pageSize=50' })).items.filter((n: { kind: string }) => n.kind === 'department_list_published');

  beforeAll(async () => {
    t = await createTestApp();
    gy = await t.login('gy-office');
    fgw = await t.login('gy-fgw');
    sthj = await t.login('gy-sthj');
    leader = await t.login('gy-leader');
    const ent = await createEnterprise(t, gy, { name: '巩义市红牌测试水泥有限公司', regionCode: '410181100' });
    const kiln = await createLine(t, gy, ent.id, { name: '红牌测试立窑', specification: 'Φ3×11m', capacity: 15 });
    caseId = await insertCase(t, {
      enterpriseId: ent.id,
      lineId: kiln.id,
      agencyId: await agencyId(t, '410181', 'development'),
      criterion: 'energy',
      status: 'closure_ordered',
      closureDecisionNo: '巩发改关〔2026〕3号',
      concludedOn: '2026-02-25',
    });
  });
  afterAll(async () => t.close());

  it('lets the ground’s department draft its list, and no other department or list kind', async () => {
    expect((await create(sthj, { regionCode: '410181', year: 2026, kind: 'red_energy', form: 'announcement' })).statusCode).toBe(403);
    expect((await create(fgw, { regionCode: '410181', year: 2026, kind: 'completed_list', form: 'announcement' })).statusCode).toBe(403);
    const empty = await create(fgw, { regionCode: '410181', year: 2026, kind: 'yellow_energy', form: 'announcement' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('巩义市目前没有列入该名单的案件');

    const res = await create(fgw, { regionCode: '410181', year: 2026, kind: 'red_energy', form: 'announcement' });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    first = a.id;
    expect(a).toMatchObject({ status: 'draft', kind: 'red_energy', title: '巩义市2026年能耗不达标责令关闭企业名单（红牌）公告', itemCount: 1 });
    expect(a.abilities).toMatchObject({ update: true, submit: true, approve: false });
    expect(a.items[0]).toMatchObject({
      enterpriseName: '巩义市红牌测试水泥有限公司',
      regionName: '米河镇',
      lineName: '红牌测试立窑',
      specification: 'Φ3×11m',
      capacity: 15,
      unitName: '万吨',
      date: '2026-01-15',
      dismantleDeadline: null,
      commitment: expect.stringMatching(/^责令关闭（巩测〔2026〕\d+号；关闭决定巩发改关〔2026〕3号）$/),
    });
  });

  it('is approved and published by the region’s leader, never by the drafting department; the office and members are notified', async () => {
    expect((await fire(fgw, first, 'submit')).statusCode).toBe(200);
    const self = await fire(fgw, first, 'approve');
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toBe(DUTY_RULES.announcementSelf);
    expect((await fire(gy, first, 'approve')).statusCode).toBe(403);
    expect((await fire(leader, first, 'approve', '同意发布。')).statusCode).toBe(200);
    expect(await notices(gy)).toEqual([]);
    const pub = await fire(leader, first, 'publish');
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', publishDate: '2026-03-02' });

    for (const cookie of [gy, sthj, fgw]) {
      expect(await notices(cookie)).toEqual([
        expect.objectContaining({ title: '能耗不达标责令关闭企业名单（红牌）已发布', entityType: 'announcement', entityId: String(first), link: `/announcements/${first}` }),
      ]);
    }
    // The enterprise is no member of the leading group and hears nothing.
    expect(await notices(await t.login('gy-ent'))).toEqual([]);
  });

  it('shows on the public site, and the next list of the same kind archives it', async () => {
    const list = await t.request({ method: 'GET', url: '/api/v1/public/announcements?kind=red_energy' });
    expect(list.json().items.map((i: { id: number }) => i.id)).toEqual([first]);
    const detail = (await t.request({ method: 'GET', url: `/api/v1/public/announcements/${first}` })).json();
    expect(detail.items).toEqual([expect.objectContaining({ enterpriseName: '巩义市红牌测试水泥有限公司', lineName: '红牌测试立窑' })]);
    expect(JSON.stringify(detail)).not.toContain(`"sourceId":${caseId}`);

    const second = (await create(fgw, { regionCode: '410181', year: 2026, kind: 'red_energy', form: 'announcement' })).json();
    await fire(fgw, second.id, 'submit');
    await fire(leader, second.id, 'approve', '同意。');
    expect((await fire(leader, second.id, 'publish')).statusCode).toBe(200);
    const old = await call(t, gy, { method: 'GET', url: `/api/v1/announcements/${first}` });
    expect(old).toMatchObject({ status: 'archived', supersededBy: second.id });
    // Each publication notifies once per list.
    expect((await notices(gy)).map((n: { entityId: string }) => n.entityId)).toEqual([String(second.id), String(first)]);
  });
});
