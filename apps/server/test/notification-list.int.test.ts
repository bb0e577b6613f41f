import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { notification } from '../src/db/schema/index.ts';
import { byHeader, readExport } from './support/list-export.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

/** Marks this file's notifications, so demo data never counts. */
const MARK = '通知列表测试';

describe('notification list: numbered and keyset pages, sort by number, export of the own notifications (issue 11)', () => {
  let t: TestApp;
  let gy: string;
  let xy: string;
  let ids: number[];
  const userId = async (username: string) => (await queryRows<{ id: number }>(t.ctx.db, sql`SELECT id FROM app_user WHERE username = ${username}`))[0]!.id;
  const list = (cookie: string, q: string) => call(t, cookie, { method: 'GET', url: `/api/v1/notifications?${q}` });

  beforeAll(async () => {
    t = await createTestApp();
    gy = await t.login('gy-office');
    xy = await t.login('xy-office');
    const [gyId, xyId] = [await userId('gy-office'), await userId('xy-office')];
    // Rows as the reminder jobs write them (the jobs have their own tests); one of 荥阳's, which 巩义 must never see.
    const rows = [1, 2, 3, 4, 5].map((i) => ({
      userId: gyId,
      kind: 'filing_overdue',
      title: `${MARK}第${i}条`,
      body: `=1+${i}`,
      createdAt: new Date(Date.UTC(2026, 3, i, 2)),
      readAt: i === 2 ? new Date(Date.UTC(2026, 3, 6, 1, 30)) : null,
    }));
    const made = await t.ctx.db.insert(notification).values([...rows, { ...rows[0]!, userId: xyId, title: `${MARK}荥阳` }]).returning({ id: notification.id });
    ids = made.slice(0, 5).map((r) => r.id);
  });
  afterAll(() => t.close());

  it('pages by number and cursor, newest first, and sorts by the number only', async () => {
    const all = await list(gy, 'pageSize=200');
    const mine = all.items.map((n: { id: number }) => n.id).filter((id: number) => ids.includes(id));
    expect(mine).toEqual([...ids].reverse());
    expect(all.total).toBe(all.items.length);
    const p1 = await list(gy, 'sort=id&pageSize=2');
    const p2 = await list(gy, 'sort=id&pageSize=2&page=2');
    expect(p2).toMatchObject({ page: 2, pageSize: 2 });
    expect((await list(gy, `sort=id&pageSize=2&cursor=${p1.nextCursor}`)).items).toEqual(p2.items);
    const asc = (await list(gy, 'sort=id&pageSize=200')).items.map((n: { id: number }) => n.id);
    expect(asc).toEqual([...all.items.map((n: { id: number }) => n.id)].reverse());
    const bad = await t.request({ method: 'GET', url: '/api/v1/notifications?sort=createdAt', cookie: gy });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('本列表只能按编号排序');
    const unread = await list(gy, 'unread=true&pageSize=200');
    expect(unread.items.map((n: { id: number }) => n.id)).not.toContain(ids[1]);
  });

  it('exports the own notifications exactly as filtered: dates as dates, kinds in Chinese, text never a formula', async () => {
    const x = await readExport(t, gy, '/api/v1/notifications/export.xlsx');
    expect(x.status).toBe(200);
    expect(x.autoFilter).toBeTruthy();
    const rows = byHeader(x).filter((r) => String(r.通知).startsWith(MARK));
    expect(rows.map((r) => r.编号)).toEqual([...ids].reverse());
    expect(rows.map((r) => r.通知)).not.toContain(`${MARK}荥阳`);
    const second = rows.find((r) => r.编号 === ids[1])!;
    // 10:00 and 09:30 Beijing time, as the user read them.
    expect(second).toMatchObject({ 类别: '报送已逾期', 状态: '已读', 时间: new Date(Date.UTC(2026, 3, 2, 10)), 阅读时间: new Date(Date.UTC(2026, 3, 6, 9, 30)) });
    expect(typeof second.内容).toBe('string'); // "=1+2" is text, not a formula
    const unread = byHeader(await readExport(t, gy, '/api/v1/notifications/export.xlsx?unread=true')).filter((r) => String(r.通知).startsWith(MARK));
    expect(unread.map((r) => r.编号)).toEqual([ids[4], ids[3], ids[2], ids[0]]);
    const xyRows = byHeader(await readExport(t, xy, '/api/v1/notifications/export.xlsx')).filter((r) => String(r.通知).startsWith(MARK));
    expect(xyRows.map((r) => r.通知)).toEqual([`${MARK}荥阳`]);
  });
});
