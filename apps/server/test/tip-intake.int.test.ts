import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { ANON_TIP, lookup, postMessage, postTip } from './tip-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('public tips: intake', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('files an anonymous tip and finds it by its code', async () => {
    const res = await postTip(t, ANON_TIP);
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    expect(receipt.handlingRegionName).toBe('巩义市');
    const found = await lookup(t, receipt.receiptCode);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toMatchObject({ status: 'received', matter: 'resumed_production', deadline: receipt.deadline });
    expect((await postMessage(t, receipt.receiptCode, '补充：每晚十点后开始生产')).statusCode).toBe(201);
    const [row] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM tip_message`);
    expect(row!.n).toBe(2);
  });
});
