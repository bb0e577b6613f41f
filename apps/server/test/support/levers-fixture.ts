import { and, eq } from 'drizzle-orm';
import { DEMO_PASSWORD } from '../../src/db/seeds/base.ts';
import { agency, appUser, enterprise, exitTask, nonComplianceCase } from '../../src/db/schema/index.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { createEnterprise, createLine, nextUscc } from '../enterprise-fixtures.ts';
import type { TestApp } from './test-app.ts';

/**
 * Fixtures of the lever modules (price measures, joint punishment, joint notice). Cases are inserted straight
 * into non_compliance_case: the case module (POST /cases) is built on another branch; after the merge these
 * tests may open cases through it instead.
 */
export async function agencyOf(t: TestApp, regionCode: string, kind: string): Promise<{ id: number; name: string }> {
  const [a] = await t.ctx.db.select({ id: agency.id, name: agency.name }).from(agency).where(and(eq(agency.regionCode, regionCode), eq(agency.kind, kind)));
  if (!a) throw new Error(`no agency ${kind} in ${regionCode}`);
  return a;
}

/** A member-agency account for an agency of another region (the demo has 巩义's only), created with its agency if missing. */
export async function agencyAccount(t: TestApp, regionCode: string, kind: string, username: string, name: string): Promise<number> {
  const now = t.clock.now();
  let [a] = await t.ctx.db.select({ id: agency.id }).from(agency).where(and(eq(agency.regionCode, regionCode), eq(agency.kind, kind)));
  if (!a) [a] = await t.ctx.db.insert(agency).values({ regionCode, kind, name }).returning({ id: agency.id });
  await t.ctx.db.insert(appUser).values({
    username,
    displayName: `${name}（测试）`,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    passwordChangedAt: now,
    createdAt: now,
    mustChangePassword: false,
    role: 'member_agency',
    regionCode,
    agencyId: a!.id,
  });
  return a!.id;
}

/** An enterprise user account for `enterpriseId`. */
export async function enterpriseAccount(t: TestApp, enterpriseId: number, username: string): Promise<void> {
  const now = t.clock.now();
  const [e] = await t.ctx.db.select({ regionCode: enterprise.regionCode }).from(enterprise).where(eq(enterprise.id, enterpriseId));
  await t.ctx.db.insert(appUser).values({
    username,
    displayName: `${username}（测试企业）`,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    passwordChangedAt: now,
    createdAt: now,
    mustChangePassword: false,
    role: 'enterprise',
    regionCode: e!.regionCode,
    enterpriseId,
  });
}

/** A fresh 巩义 enterprise with one line, made by 巩义's office through the API. */
export async function gongyiEnterprise(t: TestApp, cookie: string, name: string): Promise<{ id: number; lineId: number; uscc: string }> {
  const uscc = nextUscc('410181');
  const e = await createEnterprise(t, cookie, { name, uscc });
  const l = await createLine(t, cookie, e.id);
  return { id: e.id, lineId: l.id, uscc };
}

export interface CaseRow {
  enterpriseId: number;
  lineId?: number | null;
  agencyId: number;
  criterion?: string;
  status?: string;
  servedOn?: string;
  deadline?: string | null;
}

/** Inserts a non-compliance case as the case module would have opened it (yellow by default: 限期整改). */
export async function insertCase(t: TestApp, c: CaseRow): Promise<number> {
  const now = t.clock.now();
  const [r] = await t.ctx.db
    .insert(nonComplianceCase)
    .values({
      enterpriseId: c.enterpriseId,
      lineId: c.lineId ?? null,
      agencyId: c.agencyId,
      criterion: c.criterion ?? 'energy',
      standardText: 'GB 16780 水泥单位产品能源消耗限额',
      findings: '单位产品综合能耗超过限定值',
      decisionNo: `巩发改能〔2026〕${Math.floor(Math.random() * 900) + 100}号`,
      servedOn: c.servedOn ?? '2026-01-05',
      deadline: c.deadline === undefined ? '2026-07-05' : c.deadline,
      originalDeadline: c.deadline === undefined ? '2026-07-05' : c.deadline,
      status: c.status ?? 'rectifying',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: nonComplianceCase.id });
  return r!.id;
}

export async function setCaseStatus(t: TestApp, caseId: number, status: string): Promise<void> {
  await t.ctx.db.update(nonComplianceCase).set({ status }).where(eq(nonComplianceCase.id, caseId));
}

let planLineSeq = 900_000;
/**
 * An exit task as an approved plan would have made it (planned, with its exit deadline), inserted directly: the
 * levers only read whether it missed its deadline.
 */
export async function insertExitTask(t: TestApp, e: { id: number; lineId: number }, exitDeadline: string, status = 'planned'): Promise<number> {
  const now = t.clock.now();
  planLineSeq += 1;
  const [r] = await t.ctx.db
    .insert(exitTask)
    .values({ planId: planLineSeq, planLineId: planLineSeq, lineId: e.lineId, enterpriseId: e.id, status, exitDeadline, createdAt: now, updatedAt: now })
    .returning({ id: exitTask.id });
  return r!.id;
}
