import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('audit hash chain', () => {
  let t: TestApp;
  let auditor: string;
  beforeAll(async () => {
    t = await createTestApp();
    auditor = await t.login('auditor');
  });
  afterAll(() => t.close());
  const verify = async () => (await t.request({ method: 'GET', url: '/api/v1/audit/verify', cookie: auditor })).json();

  it('verifies an untouched chain', async () => {
    const r = await verify();
    expect(r.ok).toBe(true);
    expect(r.checked).toBeGreaterThan(10);
  });

  it('detects an edited entry', async () => {
    const id = await firstId(t, 5);
    // As an attacker with the owner's rights: the append-only trigger must be switched off first (ADR 0009).
    await t.ctx.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await t.ctx.db.execute(sql`UPDATE audit_log SET actor_name = 'someone-else' WHERE id = ${id}`);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.firstBrokenId).toBe(id);
    expect(r.message).toContain('被篡改');
  });
});

describe('audit hash chain, deletion', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('detects a deleted entry at the next one', async () => {
    const id = await firstId(t, 3);
    await t.ctx.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await t.ctx.db.execute(sql`DELETE FROM audit_log WHERE id = ${id}`);
    const auditor = await t.login('auditor');
    const r = (await t.request({ method: 'GET', url: '/api/v1/audit/verify', cookie: auditor })).json();
    expect(r.ok).toBe(false);
    expect(r.firstBrokenId).toBeGreaterThan(id);
    expect(r.message).toContain('删除或篡改');
  });

  it('refuses the audit log to a role without audit:read', async () => {
    const cookie = await t.login('gy-office');
    expect((await t.request({ method: 'GET', url: '/api/v1/audit', cookie })).statusCode).toBe(403);
  });
});

async function firstId(t: TestApp, offset: number): Promise<number> {
  const res = (await t.ctx.db.execute(sql`SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET ${offset}`)) as unknown as { rows: { id: number }[] };
  return Number(res.rows[0]!.id);
}
