import { and, eq } from 'drizzle-orm';
import { agency, nonComplianceCase } from '../../src/db/schema/index.ts';
import type { TestApp } from './test-app.ts';

/**
 * Non-compliance cases inserted as rows, for the department lists' tests while the case module (routes `/cases`)
 * is built on another branch. After merge, tests may open cases through `POST /cases` instead.
 */
export async function agencyId(t: TestApp, regionCode: string, kind: string): Promise<number> {
  const [a] = await t.ctx.db.select({ id: agency.id }).from(agency).where(and(eq(agency.regionCode, regionCode), eq(agency.kind, kind)));
  if (!a) throw new Error(`no agency ${kind} in ${regionCode}`);
  return a.id;
}

let decision = 1;

export async function insertCase(
  t: TestApp,
  c: { enterpriseId: number; lineId?: number | null; agencyId: number; criterion: string; status: string; servedOn?: string; deadline?: string | null; closureDecisionNo?: string | null; concludedOn?: string | null },
): Promise<number> {
  const now = t.clock.now();
  const [row] = await t.ctx.db
    .insert(nonComplianceCase)
    .values({
      enterpriseId: c.enterpriseId,
      lineId: c.lineId ?? null,
      agencyId: c.agencyId,
      criterion: c.criterion,
      standardText: '测试标准',
      findings: '检查发现不达标',
      decisionNo: `巩测〔2026〕${decision++}号`,
      servedOn: c.servedOn ?? '2026-01-15',
      deadline: c.deadline === undefined ? '2026-07-15' : c.deadline,
      originalDeadline: c.deadline === undefined ? '2026-07-15' : c.deadline,
      status: c.status,
      closureDecisionNo: c.closureDecisionNo ?? null,
      concludedOn: c.concludedOn ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: nonComplianceCase.id });
  return row!.id;
}
