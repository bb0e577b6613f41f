import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { remindWorkingDaysBefore } from '../src/modules/todo/todo.service.ts';
import { relogin } from './filing-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

/** 待办提醒设置 (issue 11): the admin sets how many working days before the due date the reminder goes out. */
describe('待办提醒设置: validated with Chinese messages, admin only, audited', () => {
  let t: TestApp;
  let c: Record<string, string>;
  const url = '/api/v1/settings/todo';
  const audits = () =>
    queryRows<{ actor: string; before: unknown; after: unknown }>(
      t.ctx.db,
      sql`SELECT actor_name AS actor, before, after FROM audit_log WHERE action = 'settings.update' AND entity_id = 'todo' ORDER BY id`,
    );

  beforeAll(async () => {
    t = await createTestApp();
    c = await relogin(t, ['admin', 'gy-office', 'ha-office']);
  });
  afterAll(async () => t?.close());

  it('reads the default of 2 working days before anything is saved', async () => {
    expect(await call(t, c.admin!, { method: 'GET', url })).toEqual({ remindWorkingDaysBefore: 2 });
    expect(await remindWorkingDaysBefore(t.ctx.db)).toBe(2);
  });

  it('refuses a negative, fractional, too large or missing lead time, naming the field in Chinese, and keeps the value', async () => {
    const cases: [unknown, RegExp][] = [
      [{ remindWorkingDaysBefore: -1 }, /不能小于 0/],
      [{ remindWorkingDaysBefore: 1.5 }, /须为整数/],
      [{ remindWorkingDaysBefore: 11 }, /不能超过 10/],
      [{ remindWorkingDaysBefore: '三' }, /请填写提前提醒的工作日数/],
      [{}, /请填写提前提醒的工作日数/],
    ];
    for (const [payload, text] of cases) {
      const body = await call(t, c.admin!, { method: 'PUT', url, payload }, 400);
      expect(body.message, JSON.stringify(payload)).toMatch(text);
      expect(body.fields[0].path).toBe('body.remindWorkingDaysBefore');
      expect(body.fields[0].message).toContain('到期前提醒工作日数');
    }
    expect(await call(t, c.admin!, { method: 'GET', url })).toEqual({ remindWorkingDaysBefore: 2 });
    expect(await audits()).toEqual([]);
  });

  it('an office may neither read nor change it (403)', async () => {
    for (const user of ['gy-office', 'ha-office']) {
      await call(t, c[user]!, { method: 'GET', url }, 403);
      await call(t, c[user]!, { method: 'PUT', url, payload: { remindWorkingDaysBefore: 5 } }, 403);
    }
    expect(await audits()).toEqual([]);
  });

  it('the admin saves 5: read back, used by the reminder job, and audited with before and after', async () => {
    expect(await call(t, c.admin!, { method: 'PUT', url, payload: { remindWorkingDaysBefore: 5 } })).toEqual({ remindWorkingDaysBefore: 5 });
    expect(await call(t, c.admin!, { method: 'GET', url })).toEqual({ remindWorkingDaysBefore: 5 });
    expect(await remindWorkingDaysBefore(t.ctx.db)).toBe(5);
    // 0 is allowed: remind on the due date itself.
    await call(t, c.admin!, { method: 'PUT', url, payload: { remindWorkingDaysBefore: 0 } });
    expect(await remindWorkingDaysBefore(t.ctx.db)).toBe(0);
    expect(await audits()).toEqual([
      { actor: expect.any(String), before: { remindWorkingDaysBefore: 2 }, after: { remindWorkingDaysBefore: 5 } },
      { actor: expect.any(String), before: { remindWorkingDaysBefore: 5 }, after: { remindWorkingDaysBefore: 0 } },
    ]);
    const chain = await call(t, c.admin!, { method: 'GET', url: '/api/v1/audit/verify' });
    expect(chain.ok).toBe(true);
  });
});
