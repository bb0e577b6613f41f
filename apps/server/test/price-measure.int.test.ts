import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { relogin, setBeijingDate } from './filing-fixtures.ts';
import { readExport } from './support/list-export.ts';
import { agencyAccount, agencyOf, enterpriseAccount, gongyiEnterprise, insertCase, setCaseStatus } from './support/levers-fixture.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

describe('price and credit deliveries: sent to the recipient agency, acknowledged, applied, removed', () => {
  let t: TestApp;
  const c: Record<string, string> = {};
  let listed: { id: number; lineId: number };
  let unlisted: { id: number; lineId: number };
  let caseId: number;
  let deliveryId: number;
  const url = '/api/v1/price-measures';

  beforeAll(async () => {
    t = await createTestApp();
    await agencyAccount(t, '410182', 'power', 'xy-gdgs', '荥阳市供电公司');
    for (const u of ['gy-office', 'gy-fgw', 'gy-sthj', 'gy-gdgs', 'gy-rmyh', 'xy-gdgs', 'xy-office', 'zz-office']) c[u] = await t.login(u);
    listed = await gongyiEnterprise(t, c['gy-office']!, '巩义市示例水泥有限公司（价格）');
    unlisted = await gongyiEnterprise(t, c['gy-office']!, '巩义市守法建材有限公司（价格）');
    const fgw = await agencyOf(t, '410181', 'development');
    caseId = await insertCase(t, { enterpriseId: listed.id, lineId: listed.lineId, agencyId: fgw.id });
    await enterpriseAccount(t, listed.id, 'gy-ent-price');
    c['gy-ent-price'] = await t.login('gy-ent-price');
  });
  afterAll(() => t.close());

  it('refuses an enterprise without a yellow or red case, naming the field', async () => {
    const res = await t.request({ method: 'POST', url, cookie: c['gy-office'], payload: { enterpriseId: unlisted.id, kind: 'punitive_power', surchargePerKwh: 0.3 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('巩义市守法建材有限公司（价格）没有黄牌或红牌案件，不能送达价格、信贷措施');
    expect(res.json().fields).toEqual([{ path: 'enterpriseId', message: res.json().message }]);
  });

  it('refuses bad input: a power price without its surcharge, a surcharge on credit, a sender that is neither office nor the case’s department', async () => {
    const noSurcharge = await t.request({ method: 'POST', url, cookie: c['gy-office'], payload: { enterpriseId: listed.id, kind: 'punitive_power' } });
    expect(noSurcharge.statusCode).toBe(400);
    expect(noSurcharge.json().fields[0].path).toBe('surchargePerKwh');
    const creditSurcharge = await t.request({ method: 'POST', url, cookie: c['gy-office'], payload: { enterpriseId: listed.id, kind: 'credit_restriction', surchargePerKwh: 0.1 } });
    expect(creditSurcharge.statusCode).toBe(400);
    expect(creditSurcharge.json().fields[0].path).toBe('surchargePerKwh');
    const badKind = await t.request({ method: 'POST', url, cookie: c['gy-office'], payload: { enterpriseId: listed.id, kind: 'free_power' } });
    expect(badKind.statusCode).toBe(400);
    const sthj = await t.request({ method: 'POST', url, cookie: c['gy-sthj'], payload: { enterpriseId: listed.id, kind: 'punitive_power', surchargePerKwh: 0.3 } });
    expect(sthj.statusCode).toBe(403);
    expect(sthj.json().message).toBe('只有领导小组办公室或立案部门可以送达价格、信贷措施');
    const other = await t.request({ method: 'POST', url, cookie: c['xy-office'], payload: { enterpriseId: listed.id, kind: 'punitive_power', surchargePerKwh: 0.3 } });
    expect(other.statusCode).toBe(404);
    const rows = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM price_measure_delivery`);
    expect(rows[0]!.n).toBe(0);
  });

  it('the case’s department sends the punitive power price to 巩义’s 供电 with the surcharge; a second live one is refused', async () => {
    const d = await call(t, c['gy-fgw']!, { method: 'POST', url, payload: { enterpriseId: listed.id, kind: 'punitive_power', surchargePerKwh: 0.3 } }, 201);
    const gdgs = await agencyOf(t, '410181', 'power');
    expect(d).toMatchObject({ status: 'sent', caseId, recipientAgencyId: gdgs.id, recipientName: gdgs.name, surchargePerKwh: 0.3, availableEvents: [], overdue: false });
    expect(d.dueOn).toBe('2026-03-09'); // 5 working days after Monday 2026-03-02
    // The case's decision number, read through the case module, names the delivery's ground.
    const [row] = await queryRows<{ decision_no: string }>(t.ctx.db, sql`SELECT decision_no FROM non_compliance_case WHERE id = ${caseId}`);
    expect(d.caseDecisionNo).toBe(row!.decision_no);
    deliveryId = d.id;
    const again = await t.request({ method: 'POST', url, cookie: c['gy-office'], payload: { enterpriseId: listed.id, kind: 'punitive_power', surchargePerKwh: 0.5 } });
    expect(again.statusCode).toBe(409);
    const water = await call(t, c['gy-office']!, { method: 'POST', url, payload: { enterpriseId: listed.id, kind: 'progressive_water' } }, 201);
    expect(water.recipientName).toBe((await agencyOf(t, '410181', 'development')).name);
    const credit = await call(t, c['gy-office']!, { method: 'POST', url, payload: { enterpriseId: listed.id, kind: 'credit_restriction' } }, 201);
    expect(credit.recipientName).toBe((await agencyOf(t, '410181', 'pboc')).name);
  });

  it('each recipient sees its own inbox; another county’s recipient gets 404 exactly like a missing id', async () => {
    const gd = await call(t, c['gy-gdgs']!, { method: 'GET', url: `${url}?withTotal=true` });
    expect(gd.items.map((i: { id: number }) => i.id)).toEqual([deliveryId]);
    expect(gd.items[0].availableEvents).toEqual(['acknowledge']);
    expect(gd.items[0].caseDecisionNo).toMatch(/^巩发改能〔2026〕\d+号$/);
    const rm = await call(t, c['gy-rmyh']!, { method: 'GET', url });
    expect(rm.items.map((i: { kind: string }) => i.kind)).toEqual(['credit_restriction']);
    const xy = await call(t, c['xy-gdgs']!, { method: 'GET', url });
    expect(xy.items).toEqual([]);
    const outOfScope = await t.request({ method: 'GET', url: `${url}/${deliveryId}`, cookie: c['xy-gdgs'] });
    const missing = await t.request({ method: 'GET', url: `${url}/999999`, cookie: c['xy-gdgs'] });
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.body).toBe(missing.body);
    const write = await t.request({ method: 'POST', url: `${url}/${deliveryId}/transition`, cookie: c['xy-gdgs'], payload: { event: 'acknowledge' } });
    expect(write.statusCode).toBe(404);
    const todo = await call(t, c['gy-gdgs']!, { method: 'GET', url: '/api/v1/todo' });
    expect(todo.items.map((i: { key: string; awaitsLabel: string }) => [i.key, i.awaitsLabel])).toEqual([[`price_measure_delivery:${deliveryId}`, '待接收']]);
    const ent = await call(t, c['gy-ent-price']!, { method: 'GET', url });
    expect(ent.items).toHaveLength(3);
  });

  it('the office sees it overdue when unacknowledged past 5 working days', async () => {
    setBeijingDate(t, '2026-03-10');
    Object.assign(c, await relogin(t, Object.keys(c)));
    const page = await call(t, c['gy-office']!, { method: 'GET', url: `${url}?overdue=true&withTotal=true` });
    expect(page.total).toBe(3);
    expect(page.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const zz = await call(t, c['zz-office']!, { method: 'GET', url: `${url}?overdue=true` });
    expect(zz.items).toHaveLength(3);
    const xlsx = await readExport(t, c['gy-office']!, `${url}/export.xlsx?overdue=true&kind=punitive_power`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.rows).toHaveLength(1);
    const col = (h: string) => xlsx.header.indexOf(h);
    expect(xlsx.rows[0]![col('措施')]).toBe('惩罚性电价');
    expect(xlsx.rows[0]![col('逾期')]).toBe('逾期');
    expect(xlsx.rows[0]![col('加价（元/千瓦时）')]).toBe(0.3);
    const xy = await readExport(t, c['xy-gdgs']!, `${url}/export.xlsx`);
    expect(xy.rows).toHaveLength(0);
  });

  it('the recipient acknowledges, applies with the measure and date, and removes it only when the case has closed', async () => {
    const byOffice = await t.request({ method: 'POST', url: `${url}/${deliveryId}/transition`, cookie: c['gy-office'], payload: { event: 'acknowledge' } });
    expect(byOffice.statusCode).toBe(403);
    const ack = await call(t, c['gy-gdgs']!, { method: 'POST', url: `${url}/${deliveryId}/transition`, payload: { event: 'acknowledge' } });
    expect(ack).toMatchObject({ status: 'acknowledged', overdue: false, dueOn: '2026-03-17', availableEvents: ['apply', 'remove'] });
    const noDate = await t.request({ method: 'POST', url: `${url}/${deliveryId}/transition`, cookie: c['gy-gdgs'], payload: { event: 'apply', appliedMeasure: '执行惩罚性电价' } });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().fields).toEqual([{ path: 'effectiveOn', message: '请填写执行日期' }]);
    const applied = await call(t, c['gy-gdgs']!, {
      method: 'POST',
      url: `${url}/${deliveryId}/transition`,
      payload: { event: 'apply', appliedMeasure: '执行惩罚性电价，每千瓦时加价0.30元', effectiveOn: '2026-04-01' },
    });
    expect(applied).toMatchObject({ status: 'applied', effectiveOn: '2026-04-01', dueOn: null, availableEvents: ['remove'] });
    setBeijingDate(t, '2026-08-03');
    Object.assign(c, await relogin(t, ['gy-gdgs', 'gy-office']));
    const early = await t.request({ method: 'POST', url: `${url}/${deliveryId}/transition`, cookie: c['gy-gdgs'], payload: { event: 'remove', removedOn: '2026-08-01', reason: '整改合格' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toBe('案件尚未整改合格或撤销、生产线也未淘汰，不能解除措施');
    await setCaseStatus(t, caseId, 'rectified');
    const future = await t.request({ method: 'POST', url: `${url}/${deliveryId}/transition`, cookie: c['gy-gdgs'], payload: { event: 'remove', removedOn: '2026-09-01', reason: '整改合格' } });
    expect(future.json().fields).toEqual([{ path: 'removedOn', message: '解除日期不能晚于今天' }]);
    const noReason = await t.request({ method: 'POST', url: `${url}/${deliveryId}/transition`, cookie: c['gy-gdgs'], payload: { event: 'remove', removedOn: '2026-08-01' } });
    expect(noReason.json().fields).toEqual([{ path: 'reason', message: '解除时请填写原因' }]);
    const removed = await call(t, c['gy-gdgs']!, { method: 'POST', url: `${url}/${deliveryId}/transition`, payload: { event: 'remove', removedOn: '2026-08-01', reason: '复查整改合格，案件结案' } });
    expect(removed).toMatchObject({ status: 'removed', removedOn: '2026-08-01', removalReason: '复查整改合格，案件结案', availableEvents: [] });
    const history = await call(t, c['gy-office']!, { method: 'GET', url: `${url}/${deliveryId}/history` });
    expect(history.map((h: { eventLabel: string; toLabel: string }) => `${h.eventLabel}→${h.toLabel}`)).toEqual(['送达→待签收', '签收→已签收', '执行→已执行', '解除→已解除']);
    const audit = await queryRows<{ action: string }>(t.ctx.db, sql`SELECT action FROM audit_log WHERE entity_type = 'price_measure_delivery' AND entity_id = ${String(deliveryId)} ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['price_measure_delivery.send', 'price_measure_delivery.acknowledge', 'price_measure_delivery.apply', 'price_measure_delivery.remove']);
  });
});
