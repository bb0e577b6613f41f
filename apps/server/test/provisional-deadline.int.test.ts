import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/db/schema/index.ts';
import { relogin, setBeijingDate } from './filing-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * Issue 10 §3 last bullet (ADR 0018): a due date stored after counting working days into a year nobody had
 * entered (2031) is 暂定, and is counted again when the admin enters that year, in the same transaction.
 */
describe('provisional deadlines', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('stores a 2031 due date as provisional, and recomputes it when 2031 is entered', async () => {
    setBeijingDate(t, '2030-12-15');
    const c = await relogin(t, ['gy-office', 'gy-fgw', 'admin']);
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/filing-requirements',
      cookie: c['gy-office'],
      payload: {
        kind: 'progress_report',
        title: '淘汰落后产能工作每月调度',
        year: 2030,
        audience: { mode: 'member_agencies' },
        recurrence: 'monthly',
        due: { mode: 'after_period_end', workingDays: 3 },
        startsOn: '2030-11-01',
        endsOn: '2030-12-31',
        requiredFields: [{ key: 'progress', label: '本月进展', type: 'text', required: true }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const filed = await t.request({ method: 'POST', url: `/api/v1/filing-requirements/${res.json().id}/filings`, cookie: c['gy-fgw'], payload: { values: { progress: '完成2家企业拆除' } } });
    expect(filed.statusCode, filed.body).toBe(201);
    // 2030-12-31 + 3 working days, weekends only (元旦 unknown): 2031-01-03, provisional.
    expect(filed.json()).toMatchObject({ periodKey: '2030-12', dueDate: '2031-01-03', dueProvisional: true });
    const id = filed.json().id as number;
    // The requirement's periods say the same wherever a due date is shown (暂定 in the web).
    const periodOf = async () =>
      ((await t.request({ method: 'GET', url: `/api/v1/filing-requirements/${res.json().id}`, cookie: c['gy-office'] })).json().periods as { key: string; dueDate: string; dueProvisional: boolean }[]).find((p) => p.key === '2030-12');
    expect(await periodOf()).toMatchObject({ dueDate: '2031-01-03', dueProvisional: true });

    const put = await t.request({ method: 'PUT', url: '/api/v1/calendar/years/2031', cookie: c.admin, payload: { holidays: [{ name: '元旦', from: '2031-01-01', to: '2031-01-01' }], workdays: [] } });
    expect(put.statusCode, put.body).toBe(200);
    const after = (await t.request({ method: 'GET', url: `/api/v1/filings/${id}`, cookie: c['gy-office'] })).json();
    // 元旦 is now a holiday: 01-02, 01-03, 01-06.
    expect(after).toMatchObject({ dueDate: '2031-01-06', dueProvisional: false, lateWorkingDays: 0 });
    expect(await periodOf()).toMatchObject({ dueDate: '2031-01-06', dueProvisional: false });
    const audit = await t.ctx.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'filing.recompute_due'), eq(auditLog.entityId, String(id))));
    expect(audit).toEqual([{ before: { dueDate: '2031-01-03', dueProvisional: true, lateWorkingDays: 0 }, after: { dueDate: '2031-01-06', dueProvisional: false, lateWorkingDays: 0 } }]);
  });
});
