import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('working-day calendar with an admin-entered year', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('serves 2026 from the package', async () => {
    const y = (await t.request({ method: 'GET', url: '/api/v1/calendar/years/2026', cookie: admin })).json();
    expect(y.source).toBe('package');
    expect(y.days).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' });
  });

  it('knows nothing of 2027 until an admin enters the notice, which then counts', async () => {
    // Counting weekends only would make 国庆节 a workday: refused, naming the year and who enters it (issue 10 §3).
    const before = await t.request({ method: 'GET', url: '/api/v1/calendar/add-working-days?from=2027-09-30&n=1', cookie: admin });
    expect(before.statusCode).toBe(400);
    expect(before.json().message).toContain('2027年的法定节假日和调休安排尚未录入，无法按工作日计算日期；请系统管理员在“节假日设置”中录入2027年的安排');
    const crossing = await t.request({ method: 'GET', url: '/api/v1/calendar/add-working-days?from=2026-12-28&n=7', cookie: admin });
    expect(crossing.json().message).toContain('2027年');
    // Ahead of the new year every admin is told once, however often the sweep runs.
    t.clock.set(new Date('2026-11-02T01:00:00Z'));
    admin = await t.login('admin');
    const sweep = await t.request({ method: 'POST', url: '/api/v1/jobs/calendar-reminders/run', cookie: admin });
    expect(sweep.json().created).toBeGreaterThan(0);
    expect((await t.request({ method: 'POST', url: '/api/v1/jobs/calendar-reminders/run', cookie: admin })).json().created).toBe(0);
    const inbox = (await t.request({ method: 'GET', url: '/api/v1/notifications', cookie: admin })).json();
    expect(inbox.items.map((n: { title: string }) => n.title)).toContain('【请录入2027年节假日安排】');
    const put = await t.request({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      cookie: admin,
      payload: { holidays: [{ name: '国庆节', from: '2027-10-01', to: '2027-10-07' }], workdays: [{ name: '国庆节调休上班', date: '2027-10-09' }] },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().source).toBe('entered');
    const after = (await t.request({ method: 'GET', url: '/api/v1/calendar/add-working-days?from=2027-09-30&n=1', cookie: admin })).json();
    expect(after.date).toBe('2027-10-08');
    const sat = (await t.request({ method: 'GET', url: '/api/v1/calendar/add-working-days?from=2027-10-08&n=1', cookie: admin })).json();
    expect(sat.date).toBe('2027-10-09'); // the adjusted Saturday
  });

  it('refuses a notice with dates outside the year, naming the item', async () => {
    const res = await t.request({ method: 'PUT', url: '/api/v1/calendar/years/2027', cookie: admin, payload: { holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-01' }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('第1项放假安排');
  });

  it('lets only admins enter a notice', async () => {
    const gy = await t.login('gy-office');
    const res = await t.request({ method: 'PUT', url: '/api/v1/calendar/years/2028', cookie: gy, payload: { holidays: [{ name: '元旦', from: '2028-01-01', to: '2028-01-01' }] } });
    expect(res.statusCode).toBe(403);
  });

  it('describes a deadline from the injected clock', async () => {
    t.clock.set(new Date('2026-09-29T02:00:00Z'));
    const cookie = await t.login('gy-office'); // the old session expired when the clock moved
    const d = (await t.request({ method: 'GET', url: '/api/v1/calendar/deadline?due=2026-10-14', cookie })).json();
    expect(d).toMatchObject({ today: '2026-09-29', label: '剩余 7 个工作日' });
  });
});
