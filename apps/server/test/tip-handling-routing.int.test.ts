import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agency, auditLog } from '../src/db/schema/index.ts';
import { getCalendar } from '../src/platform/calendar/calendar.ts';
import { DUTY_RULES } from '../src/platform/lifecycle/index.ts';
import { readExport } from './support/list-export.ts';
import { insertTip } from './support/tip-fixture.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

/**
 * Issue 13: a tip routed to a member department (a department's criterion) is handled and concluded by that
 * department's accounts; other departments never see it; the office reads it. The region's deadline setting
 * (group office, 1–60 working days, audited), and the list's export (never the tipster).
 */
describe('tips handled by a department; deadline settings; export', () => {
  let t: TestApp;
  let sthj: number;
  let tipId: number;
  const c: Record<string, string> = {};
  const get = (who: string, id = tipId) => t.request({ method: 'GET', url: `/api/v1/tips/${id}`, cookie: c[who] });

  beforeAll(async () => {
    t = await createTestApp();
    for (const [k, u] of Object.entries({ gy: 'gy-office', leader: 'gy-leader', sthj: 'gy-sthj', fgw: 'gy-fgw', town: 'gy-town', zz: 'zz-office' })) c[k] = await t.login(u);
    const [a] = await t.ctx.db.select({ id: agency.id }).from(agency).where(and(eq(agency.regionCode, '410181'), eq(agency.kind, 'ecology')));
    sthj = a!.id;
    tipId = await insertTip(t, { matter: 'department_criterion', handlingAgencyId: sthj, identity: { name: '李某', phone: '13900139000', idNumber: null } });
  });
  afterAll(() => t.close());

  it('the handling department acts; the office and its leader read it without buttons; another department gets 404', async () => {
    const dept = (await get('sthj')).json();
    expect(dept).toMatchObject({ handlingAgencyName: expect.stringContaining('生态环境'), availableEvents: ['accept', 'forward', 'extend'] });
    expect((await get('gy')).json().availableEvents).toEqual([]);
    expect((await get('leader')).json().availableEvents).toEqual([]);
    expect((await get('fgw')).statusCode).toBe(404);
    expect((await get('town')).statusCode).toBe(404);
    const office = await t.request({ method: 'POST', url: `/api/v1/tips/${tipId}/transition`, cookie: c.gy, payload: { event: 'accept', version: dept.version } });
    expect(office.statusCode).toBe(403);
  });

  it('the department drafts; its drafter may not conclude, and the office may not conclude for the department', async () => {
    let v = (await get('sthj')).json().version;
    const move = (who: string, body: Record<string, unknown>) => t.request({ method: 'POST', url: `/api/v1/tips/${tipId}/transition`, cookie: c[who], payload: { version: v, ...body } });
    v = (await move('sthj', { event: 'accept' })).json().version;
    const drafted = await move('sthj', { event: 'submit_conclusion', finding: 'unsubstantiated', reply: '经现场监测，排放达标。', measures: '无需处理' });
    expect(drafted.statusCode, drafted.body).toBe(200);
    v = drafted.json().version;
    const self = await move('sthj', { event: 'conclude' });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toBe(DUTY_RULES.tipSelf);
    const office = await move('leader', { event: 'conclude' });
    expect(office.statusCode).toBe(403);
    expect(office.json().message).toBe(DUTY_RULES.tipOffice);
    // An unfounded tip produces no link.
    const link = await t.request({ method: 'POST', url: `/api/v1/tips/${tipId}/links`, cookie: c.sthj, payload: { kind: 'concealment' } });
    expect(link.statusCode).toBe(409);
  });

  it('sets the region deadline (group office only, 1–60 working days), audited', async () => {
    expect(await call(t, c.gy!, { method: 'GET', url: '/api/v1/tips/settings' })).toEqual({ regionCode: '410181', deadlineWorkingDays: 15, isDefault: true });
    expect((await t.request({ method: 'PUT', url: '/api/v1/tips/settings', cookie: c.gy, payload: { deadlineWorkingDays: 61 } })).statusCode).toBe(400);
    expect((await t.request({ method: 'PUT', url: '/api/v1/tips/settings', cookie: c.leader, payload: { deadlineWorkingDays: 10 } })).statusCode).toBe(403);
    expect(await call(t, c.gy!, { method: 'PUT', url: '/api/v1/tips/settings', payload: { deadlineWorkingDays: 10 } })).toEqual({ regionCode: '410181', deadlineWorkingDays: 10, isDefault: false });
    const [audit] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'tip.settings'));
    expect(audit).toMatchObject({ regionCode: '410181' });
  });

  it('exports the list in reach, without the tipster', async () => {
    const x = await readExport(t, c.gy!, '/api/v1/tips/export.xlsx');
    expect(x.status).toBe(200);
    expect(x.header).toContain('举报方式');
    expect(x.rows).toHaveLength(1);
    expect(JSON.stringify(x.rows)).not.toContain('李某');
    const town = await readExport(t, c.town!, '/api/v1/tips/export.xlsx');
    expect(town.rows).toHaveLength(0);
  });

  it('marks a deadline counted through a year without holiday data 暂定 (issue 10 §3), in the list and on the page', async () => {
    const cal = await getCalendar(t.ctx.db);
    let y = 2026;
    while (cal.isYearCovered(y + 1)) y++;
    // Received late in the last year with holiday data, due in the next one (nobody has entered its holidays).
    const id = await insertTip(t, { receivedOn: `${y}-12-24`, deadline: `${y + 1}-01-14` });
    const list = await call(t, c.gy!, { method: 'GET', url: '/api/v1/tips?pageSize=50' });
    const mark = (tid: number) => list.items.find((i: { id: number }) => i.id === tid)?.deadlineProvisional;
    expect(mark(id)).toBe(true);
    expect(mark(tipId)).toBe(false);
    expect(await call(t, c.gy!, { method: 'GET', url: `/api/v1/tips/${id}` })).toMatchObject({ deadline: `${y + 1}-01-14`, deadlineProvisional: true });
    expect(await call(t, c.gy!, { method: 'GET', url: `/api/v1/tips/${tipId}` })).toMatchObject({ deadlineProvisional: false });
  });
});
