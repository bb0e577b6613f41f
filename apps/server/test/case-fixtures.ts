import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { appUser, nonComplianceCase } from '../src/db/schema/index.ts';
import type { TestApp } from './support/test-app.ts';

/** A case's body as the 立案 form sends it (energy on a line, served on the test epoch's date unless overridden). */
export function caseBody(enterpriseId: number, over: Record<string, unknown> = {}) {
  return {
    enterpriseId,
    criterion: 'energy',
    standardText: 'GB 16780 水泥单位产品能源消耗限额',
    findings: '单位产品综合能耗超过限额标准约18%',
    decisionNo: '巩发改能监〔2026〕1号',
    servedOn: '2026-02-27',
    ...over,
  };
}

export async function openCase(t: TestApp, cookie: string, enterpriseId: number, over: Record<string, unknown> = {}) {
  const res = await t.request({ method: 'POST', url: '/api/v1/cases', cookie, payload: caseBody(enterpriseId, over) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/**
 * A case inserted through the table (the security suite's fixtures: one per owner region), opened by 巩义's 发改委
 * so gy-fgw reads the 巩义 one and no other.
 */
export async function insertCase(t: TestApp, enterpriseId: number): Promise<number> {
  const [fgw] = await t.ctx.db.select().from(appUser).where(eq(appUser.username, 'gy-fgw'));
  const now = t.clock.now();
  const [c] = await t.ctx.db
    .insert(nonComplianceCase)
    .values({
      enterpriseId,
      agencyId: fgw!.agencyId!,
      criterion: 'energy',
      standardText: '范围矩阵',
      findings: '范围矩阵',
      decisionNo: `范围矩阵${enterpriseId}`,
      servedOn: '2026-02-27',
      deadline: '2026-08-27',
      originalDeadline: '2026-08-27',
      status: 'rectifying',
      createdBy: fgw!.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return c!.id;
}
