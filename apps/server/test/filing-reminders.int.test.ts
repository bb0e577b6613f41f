import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { runFilingReminders } from '../src/modules/filing/index.ts';
import { onceRequirement, relogin, setBeijingDate } from './filing-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('filing reminders, notification centre and my deadlines', () => {
  let t: TestApp;
  let c: Record<string, string>;
  let reqId: number;
  beforeAll(async () => {
    t = await createTestApp();
    c = await relogin(t, ['admin', 'gy-office', 'gy-town', 'gy-park', 'gy-fgw']);
  });
  afterAll(() => t.close());
  const req = (method: 'GET' | 'POST', url: string, who: string, payload?: unknown) =>
    t.request({ method, url, cookie: c[who], payload: payload as object | undefined });
  const run = async () => {
    const res = await req('POST', '/api/v1/jobs/filing-reminders/run', 'admin');
    expect(res.statusCode).toBe(200);
    return res.json() as { created: number; today: string };
  };
  const notificationRows = () =>
    queryRows<{ user: string; kind: string; n: number }>(
      t.ctx.db,
      sql`SELECT u.username AS user, n.kind, count(*)::int AS n FROM notification n JOIN app_user u ON u.id = n.user_id
          WHERE n.kind LIKE 'filing%' GROUP BY 1, 2 ORDER BY 1, 2`,
    );

  it('sends “due soon” reminders N working days before the due date, once, however often the sweep runs', async () => {
    // Issued on Mon 2 Mar, due Thu 5 Mar: 3 working days left, within the default 3.
    const res = await req('POST', '/api/v1/filing-requirements', 'gy-office', onceRequirement({ title: '乡镇实施方案', due: { mode: 'fixed', date: '2026-03-05' }, requiredFields: [] }));
    reqId = res.json().id;
    // A requirement due later (10 working days away) gets no reminder yet.
    await req('POST', '/api/v1/filing-requirements', 'gy-office', onceRequirement({ title: '月底材料', due: { mode: 'fixed', date: '2026-03-16' }, requiredFields: [] }));
    const first = await run();
    // 巩义's towns and parks: only 米河镇 (gy-town) and the demo park (gy-park) have accounts.
    expect(first).toMatchObject({ today: '2026-03-02', created: 2 });
    expect((await run()).created).toBe(0);
    // The scheduled sweep (main.ts) calls the same function: still nothing new.
    expect((await runFilingReminders(t.ctx)).created).toBe(0);
    expect(await notificationRows()).toEqual([
      { user: 'gy-park', kind: 'filing_due_soon', n: 1 },
      { user: 'gy-town', kind: 'filing_due_soon', n: 1 },
    ]);
    const audit = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'filing.reminders_sent'`);
    expect(audit[0]!.n).toBe(1);
  });

  it('the notification centre lists mine, counts unread, marks read; someone else’s is 404', async () => {
    const list = (await req('GET', '/api/v1/notifications', 'gy-town')).json();
    expect(list.total).toBe(1);
    const n = list.items[0];
    expect(n).toMatchObject({ kind: 'filing_due_soon', title: '【报送提醒】乡镇实施方案', entityType: 'filing_requirement', entityId: String(reqId), readAt: null });
    expect(n.body).toBe('米河镇：报送将于2026-03-05到期（剩余 3 个工作日），请按时报送。');
    expect(n.link).toBe(`/filing-requirements/${reqId}?period=once`);
    expect((await req('GET', '/api/v1/notifications/unread-count', 'gy-town')).json()).toEqual({ count: 1 });
    expect((await req('POST', `/api/v1/notifications/${n.id}/read`, 'gy-park')).statusCode).toBe(404);
    const read = await req('POST', `/api/v1/notifications/${n.id}/read`, 'gy-town');
    expect(read.json().readAt).not.toBeNull();
    expect((await req('GET', '/api/v1/notifications/unread-count', 'gy-town')).json()).toEqual({ count: 0 });
    expect((await req('GET', '/api/v1/notifications?unread=true', 'gy-town')).json().items).toEqual([]);
    expect((await req('POST', '/api/v1/notifications/read-all', 'gy-park')).json()).toEqual({ updated: 1 });
    expect((await req('GET', '/api/v1/notifications/unread-count', 'gy-park')).json()).toEqual({ count: 0 });
  });

  it('only an admin runs the sweep by hand', async () => {
    expect((await req('POST', '/api/v1/jobs/filing-reminders/run', 'gy-office')).statusCode).toBe(403);
  });

  it('my deadlines in a month: the town’s due dates, the office’s issued ones with filed/expected, the plan’s phase ends', async () => {
    await req('POST', '/api/v1/work-plans', 'gy-office', { source: 'custom', year: 2026, title: '巩义市2026年方案', phases: [{ name: '摸底排查', startDate: '2026-01-05', endDate: '2026-03-31' }] });
    await req('POST', `/api/v1/filing-requirements/${reqId}/filings`, 'gy-town', {});
    const town = (await req('GET', '/api/v1/my-deadlines?month=2026-03', 'gy-town')).json();
    expect(town).toEqual([
      expect.objectContaining({ date: '2026-03-05', kind: 'filing', role: 'filer', requirementId: reqId, status: 'submitted', label: '已按时报送' }),
      expect.objectContaining({ date: '2026-03-16', kind: 'filing', role: 'filer', status: 'pending', label: '剩余 10 个工作日' }),
      expect.objectContaining({ date: '2026-03-31', kind: 'phase_end', role: 'plan' }),
    ]);
    const office = (await req('GET', '/api/v1/my-deadlines?month=2026-03', 'gy-office')).json();
    const issued = office.find((x: { requirementId: number; role: string }) => x.requirementId === reqId && x.role === 'issuer');
    expect(issued).toMatchObject({ filedCount: 1, label: `已报 1/${issued.expectedCount}` });
    expect(issued.expectedCount).toBeGreaterThan(10);
    expect((await req('GET', '/api/v1/my-deadlines?month=2026-04', 'gy-town')).json()).toEqual([]);
    expect((await req('GET', '/api/v1/my-deadlines?month=2026-13', 'gy-town')).statusCode).toBe(400);
  });

  it('sends one “overdue” reminder per missing unit after the due date, again only once', async () => {
    setBeijingDate(t, '2026-03-09');
    c = await relogin(t, ['admin', 'gy-park']);
    const sweep = await run();
    // 米河镇 has filed; the park has not: one overdue reminder. The 16 Mar requirement is now 5 working days away: none yet.
    expect(sweep).toMatchObject({ today: '2026-03-09', created: 1 });
    expect((await run()).created).toBe(0);
    const park = (await req('GET', '/api/v1/notifications?unread=true', 'gy-park')).json();
    expect(park.items).toHaveLength(1);
    expect(park.items[0]).toMatchObject({ kind: 'filing_overdue', title: '【已逾期】乡镇实施方案' });
    expect(park.items[0].body).toContain('逾期 2 个工作日');
    setBeijingDate(t, '2026-03-11');
    c = await relogin(t, ['admin']);
    const later = await run();
    expect(later.created).toBe(2); // the 16 Mar requirement: 3 working days left, both accounts
    expect(await notificationRows()).toEqual([
      { user: 'gy-park', kind: 'filing_due_soon', n: 2 },
      { user: 'gy-park', kind: 'filing_overdue', n: 1 },
      { user: 'gy-town', kind: 'filing_due_soon', n: 2 },
    ]);
  });
});
