import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { relogin, setBeijingDate } from './filing-fixtures.ts';
import { byHeader, readExport } from './support/list-export.ts';
import { agencyOf, gongyiEnterprise, insertCase, insertExitTask } from './support/levers-fixture.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

async function docxText(body: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}

describe('post-deadline joint notice (001 第五篇 §五): a 公文 to the departments, execution recorded, overdue when not', () => {
  let t: TestApp;
  let c: Record<string, string> = {};
  let late: { id: number; lineId: number; uscc: string };
  let red: { id: number; lineId: number; uscc: string };
  let clean: { id: number; lineId: number; uscc: string };
  let notice: { id: number; documentNo: string; items: { id: number; action: string; agencyId: number; enterpriseId: number }[] };
  const url = '/api/v1/joint-notices';
  const USERS = ['gy-office', 'gy-gdgs', 'gy-scjg', 'gy-sthj', 'xy-office', 'zz-office'];

  beforeAll(async () => {
    t = await createTestApp();
    const office = await t.login('gy-office');
    late = await gongyiEnterprise(t, office, '巩义市逾期水泥有限公司（通知）');
    red = await gongyiEnterprise(t, office, '巩义市红牌铸造有限公司（通知）');
    clean = await gongyiEnterprise(t, office, '巩义市守法建材有限公司（通知）');
    await insertExitTask(t, late, '2026-02-27');
    await insertCase(t, { enterpriseId: red.id, lineId: red.lineId, agencyId: (await agencyOf(t, '410181', 'emergency')).id, criterion: 'safety', status: 'closure_ordered' });
    c = await relogin(t, USERS);
  });
  afterAll(() => t.close());

  it('refuses an enterprise with no missed deadline or red case (naming it), a department, another county; nothing written', async () => {
    const no = await t.request({ method: 'POST', url, cookie: c['gy-office'], payload: { enterpriseIds: [late.id, clean.id] } });
    expect(no.statusCode).toBe(400);
    expect(no.json().fields).toEqual([{ path: 'enterpriseIds.1', message: '巩义市守法建材有限公司（通知）没有逾期未完成的退出任务或仍在生产的红牌案件，不能列入到期联合通知' }]);
    const empty = await t.request({ method: 'POST', url, cookie: c['gy-office'], payload: { enterpriseIds: [] } });
    expect(empty.statusCode).toBe(400);
    const dept = await t.request({ method: 'POST', url, cookie: c['gy-gdgs'], payload: { enterpriseIds: [late.id] } });
    expect(dept.statusCode).toBe(403);
    const other = await t.request({ method: 'POST', url, cookie: c['xy-office'], payload: { enterpriseIds: [late.id] } });
    expect(other.statusCode).toBe(404);
    const rows = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT (SELECT count(*) FROM joint_notice)::int + (SELECT count(*) FROM joint_notice_item)::int AS n`);
    expect(rows[0]!.n).toBe(0);
  });

  it('issues the notice: four items per enterprise addressed to 供电, 市场监管 (two) and 生态环境, numbered in the office’s series', async () => {
    const cands = await call(t, c['gy-office']!, { method: 'GET', url: `${url}/candidates` });
    const ids = cands.items.map((i: { enterpriseId: number }) => i.enterpriseId);
    expect(ids).toEqual(expect.arrayContaining([late.id, red.id]));
    expect(ids).not.toContain(clean.id);
    expect((await call(t, c['xy-office']!, { method: 'GET', url: `${url}/candidates` })).items.map((i: { enterpriseId: number }) => i.enterpriseId)).not.toContain(late.id);
    notice = await call(t, c['gy-office']!, { method: 'POST', url, payload: { enterpriseIds: [late.id, red.id] } }, 201);
    expect(notice).toMatchObject({ documentNo: '巩淘汰办〔2026〕1号', issuedOn: '2026-03-02', itemCount: 8, pendingCount: 8, overdueCount: 0 });
    const power = await agencyOf(t, '410181', 'power');
    const market = await agencyOf(t, '410181', 'market');
    const ecology = await agencyOf(t, '410181', 'ecology');
    const ofLate = notice.items.filter((i) => i.enterpriseId === late.id).map((i) => [i.action, i.agencyId]);
    expect(ofLate).toEqual([
      ['power_cut', power.id],
      ['business_licence', market.id],
      ['production_licence', market.id],
      ['discharge_permit', ecology.id],
    ]);
    const outOfScope = await t.request({ method: 'GET', url: `${url}/${notice.id}`, cookie: c['xy-office'] });
    const missing = await t.request({ method: 'GET', url: `${url}/999999`, cookie: c['xy-office'] });
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.body).toBe(missing.body);
  });

  it('downloads as a .docx in 公文 layout naming the departments, the enterprises and the actions', async () => {
    const res = await t.request({ method: 'GET', url: `${url}/${notice.id}/notice.docx`, cookie: c['gy-office'] });
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('巩淘汰办〔2026〕1号-到期联合通知.docx');
    const text = await docxText(res.rawPayload);
    expect(text).toContain('巩义市淘汰落后产能工作领导小组办公室');
    expect(text).toContain('巩淘汰办〔2026〕1号');
    expect(text).toContain('关于对到期未淘汰落后产能企业依法停止供电和注销、吊销有关证照的通知');
    for (const a of [await agencyOf(t, '410181', 'power'), await agencyOf(t, '410181', 'market'), await agencyOf(t, '410181', 'ecology')]) expect(text).toContain(a.name);
    expect(text).toContain('巩义市逾期水泥有限公司（通知）');
    expect(text).toContain(late.uscc);
    expect(text).toContain('巩义市红牌铸造有限公司（通知）');
    expect(text).toContain('停止供电、注销营业执照、吊销生产许可证、吊销排污许可证');
    expect(text).toContain('未按期淘汰退出');
    expect(text).toContain('红牌企业仍在生产');
    expect(text).toContain('2026年3月2日');
    const xy = await t.request({ method: 'GET', url: `${url}/${notice.id}/notice.docx`, cookie: c['xy-office'] });
    expect(xy.statusCode).toBe(404);
  });

  it('each addressed department records execution of its own items only; the rest are overdue in the office’s list after 10 working days', async () => {
    const power = notice.items.find((i) => i.enterpriseId === late.id && i.action === 'power_cut')!;
    const byScjg = await t.request({ method: 'POST', url: `${url}/${notice.id}/items/${power.id}/execute`, cookie: c['gy-scjg'], payload: { executedOn: '2026-03-02', documentNo: '巩市监〔2026〕1号' } });
    expect(byScjg.statusCode).toBe(403);
    const noNo = await t.request({ method: 'POST', url: `${url}/${notice.id}/items/${power.id}/execute`, cookie: c['gy-gdgs'], payload: { executedOn: '2026-03-02' } });
    expect(noNo.statusCode).toBe(400);
    const future = await t.request({ method: 'POST', url: `${url}/${notice.id}/items/${power.id}/execute`, cookie: c['gy-gdgs'], payload: { executedOn: '2026-03-05', documentNo: '巩供电〔2026〕3号' } });
    expect(future.json().fields).toEqual([{ path: 'executedOn', message: '执行日期不能晚于今天' }]);
    const todo = await call(t, c['gy-gdgs']!, { method: 'GET', url: '/api/v1/todo' });
    expect(todo.items.filter((i: { key: string }) => i.key.startsWith('joint_notice_item:')).length).toBe(2);
    const done = await call(t, c['gy-gdgs']!, { method: 'POST', url: `${url}/${notice.id}/items/${power.id}/execute`, payload: { executedOn: '2026-03-02', documentNo: '巩供电〔2026〕3号' } });
    expect(done.items.find((i: { id: number }) => i.id === power.id)).toMatchObject({ status: 'executed', executedOn: '2026-03-02', executionDocNo: '巩供电〔2026〕3号', mayExecute: false });
    const again = await t.request({ method: 'POST', url: `${url}/${notice.id}/items/${power.id}/execute`, cookie: c['gy-gdgs'], payload: { executedOn: '2026-03-02', documentNo: 'x' } });
    expect(again.statusCode).toBe(409);
    setBeijingDate(t, '2026-03-17');
    c = await relogin(t, USERS);
    const list = await call(t, c['gy-office']!, { method: 'GET', url });
    const mine = list.items.find((n: { id: number }) => n.id === notice.id);
    expect(mine).toMatchObject({ pendingCount: 7, overdueCount: 7 });
    const zz = await call(t, c['zz-office']!, { method: 'GET', url });
    expect(zz.items.map((n: { id: number }) => n.id)).toContain(notice.id);
    const audit = await queryRows<{ action: string }>(t.ctx.db, sql`SELECT action FROM audit_log WHERE action LIKE 'joint_notice%' ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['joint_notice.issue', 'joint_notice_item.execute']);
  });

  it('exports every item as xlsx (dates as Excel dates, region name beside its code, overdue marked), in scope only', async () => {
    const x = await readExport(t, c['gy-office']!, `${url}/export.xlsx`);
    expect(x.status).toBe(200);
    expect(decodeURIComponent(x.disposition)).toContain('到期联合通知-20260317.xlsx');
    expect(x.header).toEqual(['通知编号', '文号', '发文日期', '发文区划代码', '发文区划', '企业', '统一社会信用代码', '通知事项', '执行部门', '状态', '逾期', '办理期限', '执行日期', '执行文号']);
    const rows = byHeader(x).filter((r) => r.通知编号 === notice.id);
    expect(rows).toHaveLength(8);
    const power = rows.find((r) => r.统一社会信用代码 === late.uscc && r.通知事项 === '停止供电')!;
    expect(power).toMatchObject({ 文号: '巩淘汰办〔2026〕1号', 发文区划代码: '410181', 发文区划: '巩义市', 执行部门: (await agencyOf(t, '410181', 'power')).name, 状态: '已执行', 执行文号: '巩供电〔2026〕3号' });
    expect(power.发文日期).toEqual(new Date(Date.UTC(2026, 2, 2)));
    expect(power.执行日期).toEqual(new Date(Date.UTC(2026, 2, 2)));
    const licence = rows.find((r) => r.统一社会信用代码 === red.uscc && r.通知事项 === '吊销排污许可证')!;
    expect(licence).toMatchObject({ 状态: '待执行', 逾期: '逾期', 执行部门: (await agencyOf(t, '410181', 'ecology')).name });
    expect(licence.办理期限).toBeInstanceOf(Date);
    expect(x.numFmt(x.rows.indexOf(x.rows.find((r) => r[0] === notice.id)!), x.header.indexOf('发文日期'))).toBe('yyyy-mm-dd');
    const xy = await readExport(t, c['xy-office']!, `${url}/export.xlsx`);
    expect(xy.status).toBe(200);
    expect(xy.rows.some((r) => r[0] === notice.id)).toBe(false);
  });

  it('each item has its history (issued, executed), read through its notice’s scope', async () => {
    const power = notice.items.find((i) => i.enterpriseId === late.id && i.action === 'power_cut')!;
    const history = await call(t, c['gy-office']!, { method: 'GET', url: `${url}/${notice.id}/items/${power.id}/history` });
    expect(history.map((h: { event: string; eventLabel: string; toLabel: string }) => [h.event, h.eventLabel, h.toLabel])).toEqual([
      ['issue', '发出通知', '待执行'],
      ['execute', '登记执行', '已执行'],
    ]);
    expect(history[1].payload).toMatchObject({ documentNo: '巩供电〔2026〕3号', executedOn: '2026-03-02' });
    const outOfScope = await t.request({ method: 'GET', url: `${url}/${notice.id}/items/${power.id}/history`, cookie: c['xy-office'] });
    const missing = await t.request({ method: 'GET', url: `${url}/999999/items/${power.id}/history`, cookie: c['xy-office'] });
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.body).toBe(missing.body);
    const wrongNotice = await t.request({ method: 'GET', url: `${url}/${notice.id}/items/999999/history`, cookie: c['gy-office'] });
    expect(wrongNotice.statusCode).toBe(404);
  });
});
