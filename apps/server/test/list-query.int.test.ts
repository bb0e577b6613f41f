import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createLine } from './enterprise-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call, YEAR } from './target-fixtures.ts';

/** Every name made here carries this marker, so `q` isolates this file's rows from the demo data. */
const MARK = '分页导出测试';

const qs = (q: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(q).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();

async function sheetOf(t: TestApp, cookie: string, url: string) {
  const res = await t.request({ method: 'GET', url, cookie });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const v = (r.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, v[i] ?? null])));
  });
  return { ws, header, rows };
}

describe('the list-query contract (page, pageSize, sort whitelist, total) and the xlsx exports built on it', () => {
  let t: TestApp;
  let gy: string;
  let xy: string;
  let ha: string;
  const gyNames: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    gy = await t.login('gy-office');
    xy = await t.login('xy-office');
    ha = await t.login('ha-office');
    const lineIds: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const e = await createEnterprise(t, gy, { name: `巩义市${MARK}${i}号有限公司`, regionCode: '410181100' });
      gyNames.push(e.name);
      const l = await createLine(t, gy, e.id, { name: `${MARK}${i}号窑`, capacity: i, plannedExitDate: `${YEAR}-0${i}-1${i}` });
      lineIds.push(l.id);
    }
    // The same marker out of 巩义's scope: never listed, counted or exported for 巩义.
    const other = await createEnterprise(t, xy, { name: `荥阳市${MARK}有限公司`, regionCode: '410182101' });
    await createLine(t, xy, other.id, { name: `${MARK}荥阳窑`, capacity: 9 });

    const plan = await call(t, gy, { method: 'POST', url: '/api/v1/elimination-plans', payload: { regionCode: '410181', year: YEAR } }, 201);
    await call(t, gy, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/lines`, payload: { version: plan.version, items: lineIds.map((lineId) => ({ lineId })) } });
    await call(t, gy, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/transitions`, payload: { event: 'submit' } });
    await call(t, ha, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/transitions`, payload: { event: 'approve' } });
    await call(t, gy, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${plan.id}` });
  });
  afterAll(() => t?.close());

  it('refuses a sort off the whitelist in Chinese, naming the fields it may sort by', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/enterprises?${qs({ sort: 'address' })}`, cookie: gy });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('不能按“address”排序');
    expect(res.json().message).toContain('企业名称、更新时间');
    const tasks = await t.request({ method: 'GET', url: `/api/v1/exit-tasks?${qs({ sort: '-enterpriseName' })}`, cookie: gy });
    expect(tasks.statusCode).toBe(400);
    expect(tasks.json().message).toContain('只能按任务编号排序');
  });

  it('answers numbered pages with the total when asked, in the sort asked for', async () => {
    const p1 = await call(t, gy, { method: 'GET', url: `/api/v1/enterprises?${qs({ q: MARK, page: 1, pageSize: 2, sort: 'name', withTotal: 'true' })}` });
    const p3 = await call(t, gy, { method: 'GET', url: `/api/v1/enterprises?${qs({ q: MARK, page: 3, pageSize: 2, sort: 'name', withTotal: 'true' })}` });
    expect(p1).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(p1.items.map((e: { name: string }) => e.name)).toEqual(gyNames.slice(0, 2));
    expect(p3.items.map((e: { name: string }) => e.name)).toEqual(gyNames.slice(4));
    const desc = await call(t, gy, { method: 'GET', url: `/api/v1/enterprises?${qs({ q: MARK, page: 1, pageSize: 5, sort: '-name' })}` });
    expect(desc.items.map((e: { name: string }) => e.name)).toEqual([...gyNames].reverse());
    expect(desc.total).toBeNull();

    const tasksDesc = await call(t, gy, { method: 'GET', url: `/api/v1/exit-tasks?${qs({ q: MARK, page: 2, pageSize: 2, sort: '-id' })}` });
    const all = await call(t, gy, { method: 'GET', url: `/api/v1/exit-tasks?${qs({ q: MARK, pageSize: 200 })}` });
    const ids = all.items.map((x: { id: number }) => x.id).sort((a: number, b: number) => b - a);
    expect(tasksDesc.items.map((x: { id: number }) => x.id)).toEqual(ids.slice(2, 4));
    expect(tasksDesc).toMatchObject({ total: 5, page: 2, pageSize: 2 });
  });

  it('keeps the scope: rows out of scope are never listed or counted', async () => {
    const gyPage = await call(t, gy, { method: 'GET', url: `/api/v1/enterprises?${qs({ q: MARK, withTotal: 'true' })}` });
    const xyPage = await call(t, xy, { method: 'GET', url: `/api/v1/enterprises?${qs({ q: MARK, withTotal: 'true' })}` });
    expect(gyPage.total).toBe(5);
    expect(gyPage.items.every((e: { regionCode: string }) => e.regionCode.startsWith('410181'))).toBe(true);
    expect(xyPage.total).toBe(1);
    const xyTasks = await call(t, xy, { method: 'GET', url: `/api/v1/exit-tasks?${qs({ q: MARK, page: 1 })}` });
    expect(xyTasks.total).toBe(0);
    // A region filter outside the scope is 404 for the list and for its export alike.
    for (const url of ['/api/v1/enterprises?region=410181', '/api/v1/enterprises/list.xlsx?region=410181', '/api/v1/exit-tasks/export.xlsx?region=410181']) {
      expect((await t.request({ method: 'GET', url, cookie: xy })).statusCode, url).toBe(404);
    }
  });

  it('refuses pages past the numbered-page limit and a page with a cursor, in Chinese', async () => {
    const deep = await t.request({ method: 'GET', url: `/api/v1/enterprises?${qs({ page: 60, pageSize: 200 })}`, cookie: gy });
    expect(deep.statusCode).toBe(400);
    expect(deep.json().message).toContain('页码过深');
    const both = await t.request({ method: 'GET', url: `/api/v1/exit-tasks?${qs({ page: 2, cursor: '5' })}`, cookie: gy });
    expect(both.statusCode).toBe(400);
    expect(both.json().message).toContain('页码与翻页游标不能同时使用');
    const big = await t.request({ method: 'GET', url: `/api/v1/enterprises?${qs({ pageSize: 500 })}`, cookie: gy });
    expect(big.statusCode).toBe(400);
    expect(big.json().message).toContain('每页条数');
  });

  it('exports the 企业台账 filtered set exactly: names beside codes, a real date, filtered frozen header, landscape', async () => {
    const { ws, header, rows } = await sheetOf(t, gy, `/api/v1/enterprises/list.xlsx?${qs({ q: MARK })}`);
    expect(header).toEqual(['企业名称', '统一社会信用代码', '区划代码', '所在区划', '行业代码', '行业', '生产线（条）', '状态', '更新时间']);
    expect(rows.map((r) => r.企业名称).sort()).toEqual([...gyNames].sort());
    expect(rows.every((r) => r.区划代码 === '410181100' && r.所在区划 !== '410181100' && String(r.所在区划).length > 0)).toBe(true);
    expect(rows.every((r) => r.行业代码 === 'cement' && r.行业 === '水泥')).toBe(true);
    expect(rows.every((r) => r.更新时间 instanceof Date)).toBe(true);
    expect(ws.autoFilter).toBeTruthy();
    expect(JSON.stringify(ws.autoFilter)).toContain('A1');
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
  });

  it('exports the 退出任务 the list shows under the same filters: the same ids, deadlines as Excel dates', async () => {
    const filters = { q: MARK, status: 'planned' };
    const listed = await call(t, gy, { method: 'GET', url: `/api/v1/exit-tasks?${qs({ ...filters, pageSize: 200 })}` });
    const { ws, rows } = await sheetOf(t, gy, `/api/v1/exit-tasks/export.xlsx?${qs(filters)}`);
    expect(rows.map((r) => r.任务编号)).toEqual(listed.items.map((x: { id: number }) => x.id));
    expect(rows).toHaveLength(5);
    const first = rows.find((r) => String(r['生产线（设备）']).startsWith(`${MARK}1号`))!;
    expect(first.退出期限).toBeInstanceOf(Date);
    expect((first.退出期限 as Date).toISOString().slice(0, 10)).toBe(`${YEAR}-01-11`);
    expect(first).toMatchObject({ 行业代码: 'cement', 行业: '水泥', 区划代码: '410181100', 产能: 1, 状态: '待退出' });
    expect(first.所在区划).not.toBe('410181100');
    expect(ws.pageSetup.orientation).toBe('landscape');
    // Another filter, another set: nothing planned is dismantled yet.
    const none = await sheetOf(t, gy, `/api/v1/exit-tasks/export.xlsx?${qs({ q: MARK, stage: 'dismantled' })}`);
    expect(none.rows).toHaveLength(0);
  });
});
