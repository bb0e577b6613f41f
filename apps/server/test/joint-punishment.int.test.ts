import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { exitTask } from '../src/db/schema/index.ts';
import { relogin, setBeijingDate } from './filing-fixtures.ts';
import { byHeader, readExport } from './support/list-export.ts';
import { agencyOf, enterpriseAccount, gongyiEnterprise, insertCase, insertExitTask } from './support/levers-fixture.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

describe('joint punishment: listed from candidates, restricted by departments, objection and credit repair, exchange file', () => {
  let t: TestApp;
  let c: Record<string, string> = {};
  let late: { id: number; lineId: number; uscc: string };
  let red: { id: number; lineId: number; uscc: string };
  let clean: { id: number; lineId: number; uscc: string };
  let taskId: number;
  let entryId: number;
  const url = '/api/v1/joint-punishment';
  const USERS = ['gy-office', 'gy-zrzy', 'gy-scjg', 'xy-office', 'zz-office', 'gy-ent-late'];

  beforeAll(async () => {
    t = await createTestApp();
    const office = await t.login('gy-office');
    late = await gongyiEnterprise(t, office, '巩义市逾期水泥有限公司（惩戒）');
    red = await gongyiEnterprise(t, office, '巩义市红牌铸造有限公司（惩戒）');
    clean = await gongyiEnterprise(t, office, '巩义市守法建材有限公司（惩戒）');
    taskId = await insertExitTask(t, late, '2026-02-27');
    await insertCase(t, { enterpriseId: red.id, lineId: red.lineId, agencyId: (await agencyOf(t, '410181', 'development')).id, status: 'closure_ordered' });
    await enterpriseAccount(t, late.id, 'gy-ent-late');
    c = await relogin(t, USERS);
  });
  afterAll(() => t.close());

  it('proposes the enterprises that missed their exit deadline or are red-listed and still producing, in scope only', async () => {
    const gy = await call(t, c['gy-office']!, { method: 'GET', url: `${url}/candidates` });
    const mine = gy.items.filter((i: { enterpriseId: number }) => [late.id, red.id, clean.id].includes(i.enterpriseId));
    expect(mine.map((i: { enterpriseId: number; ground: string }) => [i.enterpriseId, i.ground]).sort()).toEqual(
      [[late.id, 'missed_exit_deadline'], [red.id, 'red_listed_producing']].sort(),
    );
    const xy = await call(t, c['xy-office']!, { method: 'GET', url: `${url}/candidates` });
    expect(xy.items.some((i: { enterpriseId: number }) => i.enterpriseId === late.id)).toBe(false);
  });

  it('refuses an enterprise that is no candidate (naming the field), a department, another county’s office; lists once', async () => {
    const no = await t.request({ method: 'POST', url, cookie: c['gy-office'], payload: { enterpriseId: clean.id, ground: 'missed_exit_deadline', basis: '逾期' } });
    expect(no.statusCode).toBe(400);
    expect(no.json().fields[0].path).toBe('enterpriseId');
    expect(no.json().message).toContain('巩义市守法建材有限公司（惩戒）不属于“未按期淘汰退出”的联合惩戒对象');
    const noBasis = await t.request({ method: 'POST', url, cookie: c['gy-office'], payload: { enterpriseId: late.id, ground: 'missed_exit_deadline', basis: ' ' } });
    expect(noBasis.statusCode).toBe(400);
    const dept = await t.request({ method: 'POST', url, cookie: c['gy-scjg'], payload: { enterpriseId: late.id, ground: 'missed_exit_deadline', basis: '逾期' } });
    expect(dept.statusCode).toBe(403);
    const other = await t.request({ method: 'POST', url, cookie: c['xy-office'], payload: { enterpriseId: late.id, ground: 'missed_exit_deadline', basis: '逾期' } });
    expect(other.statusCode).toBe(404);
    const entry = await call(t, c['gy-office']!, { method: 'POST', url, payload: { enterpriseId: late.id, ground: 'missed_exit_deadline', basis: '2026年淘汰计划退出期限2026-02-27已过，未通过验收' } }, 201);
    expect(entry).toMatchObject({ status: 'listed', listedOn: '2026-03-02', objectionUntil: '2026-03-11', uscc: late.uscc, issuingAgencyName: '巩义市淘汰落后产能工作领导小组办公室', restrictions: [], availableEvents: [] });
    entryId = entry.id;
    const again = await t.request({ method: 'POST', url, cookie: c['gy-office'], payload: { enterpriseId: late.id, ground: 'missed_exit_deadline', basis: '重复' } });
    expect(again.statusCode).toBe(409);
    const outOfScope = await t.request({ method: 'GET', url: `${url}/${entryId}`, cookie: c['xy-office'] });
    const missing = await t.request({ method: 'GET', url: `${url}/999999`, cookie: c['xy-office'] });
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.body).toBe(missing.body);
  });

  it('each department records the restriction it applied, once per domain', async () => {
    const byOffice = await t.request({ method: 'POST', url: `${url}/${entryId}/restrictions`, cookie: c['gy-office'], payload: { domain: 'land_supply', measure: '不予供地', appliedOn: '2026-03-02' } });
    expect(byOffice.statusCode).toBe(403);
    const future = await t.request({ method: 'POST', url: `${url}/${entryId}/restrictions`, cookie: c['gy-zrzy'], payload: { domain: 'land_supply', measure: '不予供地', appliedOn: '2026-04-01' } });
    expect(future.json().fields).toEqual([{ path: 'appliedOn', message: '实施日期不能晚于今天' }]);
    const badDomain = await t.request({ method: 'POST', url: `${url}/${entryId}/restrictions`, cookie: c['gy-zrzy'], payload: { domain: 'tax', measure: '—', appliedOn: '2026-03-02' } });
    expect(badDomain.statusCode).toBe(400);
    const land = await call(t, c['gy-zrzy']!, { method: 'POST', url: `${url}/${entryId}/restrictions`, payload: { domain: 'land_supply', measure: '暂停新增用地审批', appliedOn: '2026-03-02', documentNo: '巩自然资〔2026〕5号' } });
    expect(land.restrictions).toEqual([expect.objectContaining({ domain: 'land_supply', agencyName: (await agencyOf(t, '410181', 'natural_resources')).name, documentNo: '巩自然资〔2026〕5号' })]);
    const dup = await t.request({ method: 'POST', url: `${url}/${entryId}/restrictions`, cookie: c['gy-zrzy'], payload: { domain: 'land_supply', measure: '再次', appliedOn: '2026-03-02' } });
    expect(dup.statusCode).toBe(409);
    await call(t, c['gy-scjg']!, { method: 'POST', url: `${url}/${entryId}/restrictions`, payload: { domain: 'production_licence', measure: '不予办理生产许可', appliedOn: '2026-03-02' } });
  });

  it('exports the list keyed by USCC as JSON and CSV with its restrictions', async () => {
    const json = await call(t, c['gy-office']!, { method: 'GET', url: `${url}/exchange.json` });
    expect(json).toMatchObject({ format: 'taotai.joint_punishment', version: '1.0' });
    const rec = json.records.find((r: { uscc: string }) => r.uscc === late.uscc);
    expect(rec).toMatchObject({ list: 'joint_punishment', ground: 'missed_exit_deadline', listed_on: '2026-03-02', status: 'listed' });
    expect(rec.restrictions.map((r: { domain: string }) => r.domain)).toEqual(['land_supply', 'production_licence']);
    const csv = await t.request({ method: 'GET', url: `${url}/exchange.csv`, cookie: c['gy-office'] });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('uscc,enterprise_name,list,ground,ground_label,basis,issuing_agency,listed_on,status,restrictions');
    const line = lines.find((l) => l.startsWith(late.uscc))!;
    expect(line).toContain('land_supply|');
    expect(line).toContain(';production_licence|');
    const xy = await call(t, c['xy-office']!, { method: 'GET', url: `${url}/exchange.json` });
    expect(xy.records.some((r: { uscc: string }) => r.uscc === late.uscc)).toBe(false);
  });

  it('the enterprise objects within the period, the office answers; after the period an objection is refused', async () => {
    const mine = await call(t, c['gy-ent-late']!, { method: 'GET', url: `${url}/${entryId}` });
    expect(mine.availableEvents).toEqual(['object', 'apply_repair']);
    const noText = await t.request({ method: 'POST', url: `${url}/${entryId}/transition`, cookie: c['gy-ent-late'], payload: { event: 'object' } });
    expect(noText.statusCode).toBe(400);
    const objected = await call(t, c['gy-ent-late']!, { method: 'POST', url: `${url}/${entryId}/transition`, payload: { event: 'object', reason: '设备已于2月拆除，验收申请已提交' } });
    expect(objected.status).toBe('objected');
    const todo = await call(t, c['gy-office']!, { method: 'GET', url: '/api/v1/todo' });
    expect(todo.items.some((i: { key: string }) => i.key === `joint_punishment_entry:${entryId}`)).toBe(true);
    const byEnt = await t.request({ method: 'POST', url: `${url}/${entryId}/transition`, cookie: c['gy-ent-late'], payload: { event: 'uphold', reason: '自己答复' } });
    expect(byEnt.statusCode).toBe(403);
    const upheld = await call(t, c['gy-office']!, { method: 'POST', url: `${url}/${entryId}/transition`, payload: { event: 'uphold', reason: '经核查尚未通过验收，维持列入' } });
    expect(upheld).toMatchObject({ status: 'listed', objection: '设备已于2月拆除，验收申请已提交', objectionAnswer: '经核查尚未通过验收，维持列入' });
    setBeijingDate(t, '2026-03-12');
    c = await relogin(t, USERS);
    const late2 = await t.request({ method: 'POST', url: `${url}/${entryId}/transition`, cookie: c['gy-ent-late'], payload: { event: 'object', reason: '再次异议' } });
    expect(late2.statusCode).toBe(400);
    expect(late2.json().message).toBe('异议期已于2026-03-11届满，不能再提出异议');
  });

  it('credit repair only after compliance, decided by the office with a reason; every step in the history', async () => {
    const early = await t.request({ method: 'POST', url: `${url}/${entryId}/transition`, cookie: c['gy-ent-late'], payload: { event: 'apply_repair', reason: '申请修复' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('尚未整改到位');
    await t.ctx.db.update(exitTask).set({ status: 'accepted' }).where(eq(exitTask.id, taskId));
    await call(t, c['gy-ent-late']!, { method: 'POST', url: `${url}/${entryId}/transition`, payload: { event: 'apply_repair', reason: '生产线已拆除并通过验收' } });
    const noReason = await t.request({ method: 'POST', url: `${url}/${entryId}/transition`, cookie: c['gy-office'], payload: { event: 'grant_repair' } });
    expect(noReason.statusCode).toBe(400);
    const repaired = await call(t, c['gy-office']!, { method: 'POST', url: `${url}/${entryId}/transition`, payload: { event: 'grant_repair', reason: '已通过验收，同意信用修复' } });
    expect(repaired).toMatchObject({ status: 'repaired', endedOn: '2026-03-12', repairDecision: '已通过验收，同意信用修复', mayRestrict: false });
    const json = await call(t, c['gy-office']!, { method: 'GET', url: `${url}/exchange.json` });
    expect(json.records.some((r: { uscc: string }) => r.uscc === late.uscc)).toBe(false);
    const history = await call(t, c['gy-ent-late']!, { method: 'GET', url: `${url}/${entryId}/history` });
    expect(history.map((h: { event: string }) => h.event)).toEqual(['list', 'restrict', 'restrict', 'object', 'uphold', 'apply_repair', 'grant_repair']);
    const audit = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'joint_punishment_entry' AND entity_id = ${String(entryId)}`);
    expect(audit[0]!.n).toBe(7);
  });

  it('exports the filtered list as xlsx: dates as Excel dates, region name beside its code, restrictions as text; in scope only', async () => {
    const x = await readExport(t, c['gy-office']!, `${url}/export.xlsx?status=repaired`);
    expect(x.status).toBe(200);
    expect(decodeURIComponent(x.disposition)).toContain('联合惩戒名单-20260312.xlsx');
    const rows = byHeader(x);
    expect(rows.map((r) => r.编号)).toEqual([entryId]);
    const r = rows[0]!;
    expect(r).toMatchObject({ 企业: '巩义市逾期水泥有限公司（惩戒）', 统一社会信用代码: late.uscc, 区划代码: '410181100', 区划: '米河镇', 列入事由: '未按期淘汰退出', 状态: '已信用修复' });
    expect(r.列入日期).toEqual(new Date(Date.UTC(2026, 2, 2)));
    expect(r.异议期至).toEqual(new Date(Date.UTC(2026, 2, 11)));
    expect(r.移出日期).toEqual(new Date(Date.UTC(2026, 2, 12)));
    expect(x.numFmt(0, x.header.indexOf('列入日期'))).toBe('yyyy-mm-dd');
    const land = (await agencyOf(t, '410181', 'natural_resources')).name;
    expect(r.惩戒措施).toBe(`土地供应：暂停新增用地审批（${land}，2026-03-02，巩自然资〔2026〕5号）\n生产许可：不予办理生产许可（${(await agencyOf(t, '410181', 'market')).name}，2026-03-02）`);
    const listed = await readExport(t, c['gy-office']!, `${url}/export.xlsx?status=listed`);
    expect(listed.rows.some((row) => row[0] === entryId)).toBe(false);
    const xy = await readExport(t, c['xy-office']!, `${url}/export.xlsx`);
    expect(xy.rows.some((row) => row[0] === entryId)).toBe(false);
    const own = await readExport(t, c['gy-ent-late']!, `${url}/export.xlsx`);
    expect(byHeader(own).map((row) => row.统一社会信用代码)).toEqual([late.uscc]);
  });
});
