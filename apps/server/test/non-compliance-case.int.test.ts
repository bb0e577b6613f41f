import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { seedDemoCases } from '../src/db/seeds/demo-cases.ts';
import { DUTY_RULES } from '../src/platform/lifecycle/index.ts';
import { caseBody, openCase } from './case-fixtures.ts';
import { createEnterprise, createLine } from './enterprise-fixtures.ts';
import { evidenceForm, PDF } from './exit-task-fixtures.ts';
import { readExport } from './support/list-export.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

// Issue 12 "Non-compliance case": deadlines by ground, who sees what, bad input refused naming the field with
// nothing written, one extension of at most 3 months, re-inspection concluding the case (one of two at once).
describe('non-compliance cases', () => {
  let t: TestApp;
  let fgw: string;
  let fgwLd: string;
  let sthj: string;
  let gyOffice: string;
  let xyOffice: string;
  let zzOffice: string;
  let ent: string;
  let gyEntId: number;
  let gyLineId: number;
  let otherEnt: { id: number };
  let otherLineId: number;
  let xyEnt: { id: number };
  let caseId: number;
  const post = (cookie: string, url: string, payload: unknown) => t.request({ method: 'POST', url, cookie, payload: payload as never });
  const caseCount = async () => Number((await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from non_compliance_case`))[0]!.n);

  beforeAll(async () => {
    t = await createTestApp();
    [fgw, fgwLd, sthj, gyOffice, xyOffice, zzOffice, ent] = await Promise.all(
      ['gy-fgw', 'gy-fgw-ld', 'gy-sthj', 'gy-office', 'xy-office', 'zz-office', 'gy-ent'].map((u) => t.login(u)),
    );
    gyEntId = (await call(t, ent, { method: 'GET', url: '/api/v1/auth/me' })).enterpriseId;
    gyLineId = (await createLine(t, gyOffice, gyEntId, { name: '3号机立窑', criterion: 'energy' })).id;
    otherEnt = await createEnterprise(t, gyOffice, { name: '巩义市案件测试水泥有限公司', regionCode: '410181100' });
    otherLineId = (await createLine(t, gyOffice, otherEnt.id)).id;
    xyEnt = await createEnterprise(t, xyOffice, { name: '荥阳市案件测试水泥有限公司', regionCode: '410182101' });
  });
  afterAll(() => t?.close());

  it('opens an energy case on the enterprise’s line: 6 calendar months from service, month end clamped', async () => {
    const c = await openCase(t, fgw, gyEntId, { lineId: gyLineId, servedOn: '2025-08-31' });
    caseId = c.id;
    expect(c).toMatchObject({ status: 'rectifying', deadline: '2026-02-28', originalDeadline: '2026-02-28', list: 'yellow', lineName: '3号机立窑', overdue: true });
    const fresh = await openCase(t, fgw, otherEnt.id, { lineId: otherLineId, decisionNo: '巩发改能监〔2026〕2号' });
    expect(fresh).toMatchObject({ deadline: '2026-08-27', overdue: false, daysLeft: 178, availableEvents: ['reinspect_passed', 'reinspect_failed'] });
    const history = await call(t, fgw, { method: 'GET', url: `/api/v1/cases/${fresh.id}/history` });
    expect(history).toMatchObject([{ event: 'open', toStatus: 'rectifying', toLabel: '限期整改', actorName: '巩义市发展和改革委员会' }]);
    const audit = await queryRows<{ action: string }>(t.ctx.db, sql`select action from audit_log where entity_type = 'non_compliance_case' and entity_id = ${String(fresh.id)}`);
    expect(audit.map((a) => a.action)).toEqual(['non_compliance_case.open']);
  });

  it('opens a safety case stopped at once and an environment case with the department’s date', async () => {
    const yjgl = await t.login('gy-yjgl');
    const safety = await openCase(t, yjgl, otherEnt.id, { criterion: 'safety', decisionNo: '巩应急责停〔2026〕1号' });
    expect(safety).toMatchObject({ status: 'stopped', deadline: null, daysLeft: null, list: 'yellow' });
    const env = await openCase(t, sthj, otherEnt.id, { criterion: 'environment', measure: 'restricted', deadline: '2026-05-31', decisionNo: '巩环罚〔2026〕1号' });
    expect(env).toMatchObject({ status: 'restricted', deadline: '2026-05-31' });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await caseCount();
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['line of another enterprise', { lineId: otherLineId }, 400, 'lineId'],
      ['enterprise outside the region', { enterpriseId: xyEnt.id }, 400, 'enterpriseId'],
      ['service date in the future', { servedOn: '2026-03-03' }, 400, 'servedOn'],
      ['a date for an energy case', { deadline: '2026-12-31' }, 400, 'deadline'],
    ];
    for (const [what, over, status, field] of cases) {
      const res = await post(fgw, '/api/v1/cases', caseBody(gyEntId, over));
      expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
      expect(res.json().fields?.[0]?.path, what).toBe(field);
    }
    const early = await post(sthj, '/api/v1/cases', caseBody(gyEntId, { criterion: 'environment', measure: 'suspended', deadline: '2026-02-01' }));
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ message: '整改期限2026-02-01应晚于送达日期2026-02-27', fields: [{ path: 'deadline' }] });
    const notTheirs = await post(sthj, '/api/v1/cases', caseBody(gyEntId));
    expect(notTheirs.statusCode).toBe(403);
    expect((await post(gyOffice, '/api/v1/cases', caseBody(gyEntId))).statusCode).toBe(403);
    expect(await caseCount()).toBe(before);
  });

  it('shows a department its own agency’s cases, the office its region’s, the enterprise its own; others 404', async () => {
    for (const [cookie, status] of [
      [fgw, 200],
      [gyOffice, 200],
      [zzOffice, 200],
      [ent, 200],
      [sthj, 404],
      [xyOffice, 404],
    ] as const) {
      const res = await t.request({ method: 'GET', url: `/api/v1/cases/${caseId}`, cookie });
      expect(res.statusCode, res.body).toBe(status);
    }
    const missing = await t.request({ method: 'GET', url: '/api/v1/cases/999999', cookie: sthj });
    const hidden = await t.request({ method: 'GET', url: `/api/v1/cases/${caseId}`, cookie: sthj });
    expect(hidden.json()).toEqual(missing.json());
    const mine = await call(t, ent, { method: 'GET', url: '/api/v1/cases?withTotal=true' });
    expect(mine.items.every((c: { enterpriseId: number }) => c.enterpriseId === gyEntId)).toBe(true);
    const theirs = await call(t, sthj, { method: 'GET', url: '/api/v1/cases?withTotal=true' });
    expect(theirs.items.every((c: { agencyName: string }) => c.agencyName === '巩义市生态环境局')).toBe(true);
    expect(theirs.items.length).toBeGreaterThan(0);
    expect((await call(t, xyOffice, { method: 'GET', url: '/api/v1/cases?withTotal=true' })).total).toBe(0);
    const overdue = await call(t, fgw, { method: 'GET', url: '/api/v1/cases?overdue=true&withTotal=true' });
    expect(overdue.items.map((c: { id: number }) => c.id)).toContain(caseId);
    expect(overdue.items.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
  });

  it('exports the filtered list in reach as xlsx, names beside codes and real dates', async () => {
    const x = await readExport(t, fgw, '/api/v1/cases/export.xlsx?criterion=energy');
    expect(x.status, x.body).toBe(200);
    expect(x.header.slice(0, 5)).toEqual(['编号', '统一社会信用代码', '企业', '区划代码', '所在地']);
    const ids = x.rows.map((r) => r[0]);
    expect(ids).toContain(caseId);
    expect(x.rows.every((r) => r[x.header.indexOf('类别')] === '能耗不达标')).toBe(true);
    expect(x.rows.find((r) => r[0] === caseId)![x.header.indexOf('整改期限')]).toBeInstanceOf(Date);
    const none = await readExport(t, xyOffice, '/api/v1/cases/export.xlsx');
    expect(none.rows).toEqual([]);
  });

  it('keeps evidence files of an open case, uploaded by the opening department, read by whoever reads the case', async () => {
    const c = await openCase(t, fgw, gyEntId, { decisionNo: '巩发改能监〔2026〕5号' });
    const up = await t.request({ method: 'POST', url: `/api/v1/cases/${c.id}/files?kind=finding`, cookie: fgw, ...evidenceForm('finding', PDF, '检查笔录.pdf') });
    expect(up.statusCode, up.body).toBe(200);
    const file = up.json().files[0];
    expect(file).toMatchObject({ kind: 'finding', name: '检查笔录.pdf' });
    const got = await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}/files/${file.fileId}`, cookie: ent });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect((await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}/files/${file.fileId}`, cookie: sthj })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/v1/cases/${c.id}/files`, cookie: ent, ...evidenceForm('finding', PDF, 'x.pdf') })).statusCode).toBe(403);
    const audit = await queryRows<{ action: string }>(t.ctx.db, sql`select action from audit_log where entity_type = 'non_compliance_case' and entity_id = ${String(c.id)} order by id`);
    expect(audit.map((a) => a.action)).toEqual(['non_compliance_case.open', 'non_compliance_case.add_file']);
  });

  it('grants one extension of at most 3 months asked by the enterprise, decided by another 发改委 account; a second is refused', async () => {
    const c = await openCase(t, fgw, gyEntId, { lineId: gyLineId, decisionNo: '巩发改能监〔2026〕9号' });
    const url = `/api/v1/cases/${c.id}/extension-requests`;
    const tooLong = await post(ent, url, { months: 4, reason: '设备改造周期长' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ message: '延期月数不能超过3个月（申请了4个月）', fields: [{ path: 'months' }] });
    expect((await post(sthj, url, { months: 3, reason: 'x' })).statusCode).toBe(404);
    const byDept = await post(fgw, url, { months: 3, reason: '代企业申请' });
    expect(byDept.statusCode).toBe(403);
    expect(byDept.json().message).toBe('延期须由企业本身或其所在地领导小组办公室申请');
    const asked = await call(t, ent, { method: 'POST', url, payload: { months: 3, reason: '余热回收改造须待设备到货' } });
    const req = asked.extensionRequests[0];
    expect(req).toMatchObject({ months: 3, status: 'requested', availableEvents: [], requestedByName: '企业用户（示例）' });
    const decide = (cookie: string, event: string, reason?: string) => post(cookie, `${url}/${req.id}/transition`, { event, ...(reason ? { reason } : {}) });
    const self = await decide(fgw, 'grant');
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toBe(DUTY_RULES.caseSelf);
    expect((await call(t, fgwLd, { method: 'GET', url: `/api/v1/cases/${c.id}` })).extensionRequests[0].availableEvents).toEqual(['grant', 'refuse']);
    const todo = await call(t, fgwLd, { method: 'GET', url: '/api/v1/todo' });
    expect(todo.items.map((i: { key: string }) => i.key)).toContain(`case_extension_request:${req.id}`);
    const granted = await call(t, fgwLd, { method: 'POST', url: `${url}/${req.id}/transition`, payload: { event: 'grant', reason: '同意延期3个月' } });
    expect(granted).toMatchObject({ deadline: '2026-11-27', originalDeadline: '2026-08-27' });
    expect(granted.extensionRequests[0]).toMatchObject({ status: 'granted', decidedByName: '巩义市发展和改革委员会（分管负责人）', decisionNote: '同意延期3个月' });
    const second = await post(ent, url, { months: 1, reason: '再延一个月' });
    expect(second.statusCode).toBe(400);
    expect(second.json()).toMatchObject({ message: '本案件已批准过一次延期，不能再次申请延期', fields: [{ path: 'months' }] });
    const history = await call(t, ent, { method: 'GET', url: `/api/v1/cases/${c.id}/history` });
    expect(history.map((h: { event: string }) => h.event)).toEqual(['open', 'request', 'grant']);
    expect(history[2].payload).toMatchObject({ deadline: { from: '2026-08-27', to: '2026-11-27' } });
  });

  it('refuses an extension after the deadline, and a refusal needs its reason', async () => {
    const late = await post(ent, `/api/v1/cases/${caseId}/extension-requests`, { months: 2, reason: '来不及' });
    expect(late.statusCode).toBe(400);
    expect(late.json().message).toContain('整改期限2026-02-28已过');
    const c = await openCase(t, fgw, gyEntId, { decisionNo: '巩发改能监〔2026〕10号' });
    const asked = await call(t, gyOffice, { method: 'POST', url: `/api/v1/cases/${c.id}/extension-requests`, payload: { months: 2, reason: '办公室代为申请' } });
    const id = asked.extensionRequests[0].id;
    const bare = await post(fgwLd, `/api/v1/cases/${c.id}/extension-requests/${id}/transition`, { event: 'refuse' });
    expect(bare.statusCode).toBe(400);
    const refused = await call(t, fgwLd, { method: 'POST', url: `/api/v1/cases/${c.id}/extension-requests/${id}/transition`, payload: { event: 'refuse', reason: '理由不充分' } });
    expect(refused).toMatchObject({ deadline: '2026-08-27', extensionRequests: [{ status: 'refused', decisionNote: '理由不充分' }] });
  });

  it('refuses a re-inspection dated in the future or failed without its closure number, writing nothing', async () => {
    const url = `/api/v1/cases/${caseId}/reinspections`;
    const body = { inspectedOn: '2026-03-01', inspectors: '张三、李四', findings: '能耗仍超限额', result: 'failed', closureDecisionNo: '巩政关〔2026〕1号' };
    const future = await post(fgw, url, { ...body, inspectedOn: '2026-03-03' });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0].path).toBe('inspectedOn');
    const noNumber = await post(fgw, url, { ...body, closureDecisionNo: '' });
    expect(noNumber.statusCode).toBe(400);
    expect(noNumber.json().fields[0].path).toBe('closureDecisionNo');
    expect((await post(ent, url, body)).statusCode).toBe(403);
    const rows = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from case_reinspection where case_id = ${caseId}`);
    expect(rows[0]!.n).toBe(0);
  });

  it('of two re-inspections at once one wins (409 for the other); a failed one orders closure (red list)', async () => {
    const url = `/api/v1/cases/${caseId}/reinspections`;
    const body = { inspectedOn: '2026-03-01', inspectors: '张三、李四', findings: '能耗仍超限额', result: 'failed', closureDecisionNo: '巩政关〔2026〕1号' };
    const [a, b] = await Promise.all([post(fgw, url, body), post(fgwLd, url, { ...body, result: 'passed' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? a : b;
    const rows = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from case_reinspection where case_id = ${caseId}`);
    expect(rows[0]!.n).toBe(1);
    if (winner === a) {
      expect(a.json()).toMatchObject({ status: 'closure_ordered', list: 'red', closureDecisionNo: '巩政关〔2026〕1号', concludedOn: '2026-03-01', availableEvents: [] });
      const red = await call(t, gyOffice, { method: 'GET', url: '/api/v1/cases?list=red' });
      expect(red.items.map((c: { id: number }) => c.id)).toContain(caseId);
    } else {
      expect(b.json()).toMatchObject({ status: 'rectified', list: null });
    }
    const c = await openCase(t, fgw, otherEnt.id, { decisionNo: '巩发改能监〔2026〕11号' });
    const failed = await call(t, fgw, { method: 'POST', url: `/api/v1/cases/${c.id}/reinspections`, payload: body });
    expect(failed).toMatchObject({ status: 'closure_ordered', list: 'red', reinspections: [{ result: 'failed', inspectors: '张三、李四' }] });
    const again = await post(fgw, `/api/v1/cases/${c.id}/reinspections`, body);
    expect(again.statusCode).toBe(409);
  });

  it('withdraws a case only by another account of the opening department, with a reason', async () => {
    const c = await openCase(t, fgw, otherEnt.id, { decisionNo: '巩发改能监〔2026〕13号' });
    const self = await post(fgw, `/api/v1/cases/${c.id}/transition`, { event: 'withdraw', reason: '立案错误' });
    expect(self.statusCode).toBe(403);
    expect((await post(fgwLd, `/api/v1/cases/${c.id}/transition`, { event: 'withdraw' })).statusCode).toBe(400);
    const done = await call(t, fgwLd, { method: 'POST', url: `/api/v1/cases/${c.id}/transition`, payload: { event: 'withdraw', reason: '立案错误' } });
    expect(done).toMatchObject({ status: 'withdrawn', list: null });
  });
  it('lists an open case on the department’s 待办 from 10 working days before its deadline, and the desk counts it', async () => {
    const c = await openCase(t, fgw, otherEnt.id, { decisionNo: '巩发改能监〔2026〕12号', servedOn: '2026-03-02' });
    const keys = async () => (await call(t, fgw, { method: 'GET', url: '/api/v1/todo' })).items.map((i: { key: string }) => i.key);
    expect(await keys()).not.toContain(`non_compliance_case:${c.id}`);
    t.clock.set(new Date('2026-08-25T01:00:00.000Z'));
    fgw = await t.login('gy-fgw'); // the jump in time ended the session
    expect(await keys()).toContain(`non_compliance_case:${c.id}`);
    const desk = await call(t, fgw, { method: 'GET', url: '/api/v1/cases/desk' });
    expect(desk.dueSoon).toBeGreaterThan(0);
    expect(desk.open).toBeGreaterThanOrEqual(desk.dueSoon + desk.overdue);
    const run = await call(t, (await t.login('admin')), { method: 'POST', url: '/api/v1/jobs/todo-reminders/run' });
    expect(run.created).toBeGreaterThan(0);
    const notes = await queryRows<{ title: string }>(t.ctx.db, sql`select n.title from notification n join app_user u on u.id = n.user_id where u.username = 'gy-fgw' and n.entity_type = 'non_compliance_case'`);
    expect(notes.length).toBeGreaterThan(0);
  });

  it('seeds the demo’s cases once, one for each of 巩义’s 发改委, 生态环境局 and 应急管理局', async () => {
    await seedDemoCases(t.ctx.db, t.clock);
    await seedDemoCases(t.ctx.db, t.clock);
    const rows = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from non_compliance_case where decision_no like '%（示例）'`);
    expect(rows[0]!.n).toBe(3);
    for (const [user, status] of [['gy-sthj', 'suspended'], ['gy-yjgl', 'stopped']] as const) {
      const page = await call(t, await t.login(user), { method: 'GET', url: '/api/v1/cases' });
      expect(page.items.map((c: { status: string }) => c.status)).toContain(status);
    }
    const mine = await call(t, await t.login('gy-ent'), { method: 'GET', url: '/api/v1/cases' });
    expect(mine.items.some((c: { decisionNo: string }) => c.decisionNo.endsWith('（示例）'))).toBe(false);
  });
});
