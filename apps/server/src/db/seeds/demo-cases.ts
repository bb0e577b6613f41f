import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { CaseCriterion } from '@taotai/shared';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { recordAudit, systemSubject } from '../../platform/audit/audit.ts';
import { addCalendarDays } from '../../platform/calendar/working-calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { addCalendarMonths, openingOf } from '../../modules/non-compliance-case/index.ts';
import type { Db } from '../client.ts';
import { agency, appUser, enterprise, lifecycleHistory, line, nonComplianceCase } from '../schema/index.ts';
import { DEMO_PASSWORD } from './base.ts';

/** The second account of 巩义's 发改委: decides extensions and withdrawals of cases gy-fgw opened (ADR 0022). */
export const GY_FGW_DECIDER = 'gy-fgw-ld';

const DEMO_CASES: { kind: string; criterion: CaseCriterion; decisionNo: string; servedMonthsAgo: number; measure?: 'restricted' | 'suspended'; findings: string; standardText: string }[] = [
  {
    kind: 'development',
    criterion: 'energy',
    decisionNo: '巩发改能监〔2026〕3号（示例）',
    servedMonthsAgo: 5,
    findings: '单位产品综合能耗超过限额标准约18%（示例）',
    standardText: 'GB 16780 水泥单位产品能源消耗限额（示例）',
  },
  {
    kind: 'ecology',
    criterion: 'environment',
    decisionNo: '巩环罚〔2026〕12号（示例）',
    servedMonthsAgo: 2,
    measure: 'suspended',
    findings: '颗粒物排放浓度超标，在线监测数据连续超标（示例）',
    standardText: 'GB 4915 水泥工业大气污染物排放标准（示例）',
  },
  {
    kind: 'emergency',
    criterion: 'safety',
    decisionNo: '巩应急责停〔2026〕5号（示例）',
    servedMonthsAgo: 1,
    findings: '窑头平台防护栏缺失，存在重大事故隐患（示例）',
    standardText: '工贸行业重大事故隐患判定标准（示例）',
  },
];

/**
 * The demo's cases (issue 12): one open case each for 巩义's 发改委, 生态环境局 and 应急管理局, on 巩义 enterprises
 * other than the demo enterprise account's, so each department's list and 工作台 shows something; plus the 发改委's
 * second account. Idempotent: adds only what is missing (runs on every demo start). `cases: false` (the test
 * template) adds the account only, so other tests' lists and reminders are not moved by demo deadlines.
 */
export async function seedDemoCases(db: Db, clock: Clock, opts: { cases?: boolean } = {}): Promise<void> {
  const now = clock.now();
  const today = todayInChina(now);
  const who = systemSubject('seed');
  const [fgw] = await db.select().from(appUser).where(eq(appUser.username, 'gy-fgw'));
  if (!fgw?.agencyId) return;
  const [decider] = await db.select({ n: count() }).from(appUser).where(eq(appUser.username, GY_FGW_DECIDER));
  if (Number(decider!.n) === 0) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.transaction(async (tx) => {
      const [u] = await tx
        .insert(appUser)
        .values({ username: GY_FGW_DECIDER, displayName: '巩义市发展和改革委员会（分管负责人）', role: 'member_agency', regionCode: '410181', agencyId: fgw.agencyId, passwordHash, passwordChangedAt: now, createdAt: now, mustChangePassword: false })
        .returning();
      await recordAudit(tx, who, now, { action: 'user.create', entityType: 'user', entityId: u!.id, after: { username: GY_FGW_DECIDER, role: 'member_agency' } });
    });
  }
  if (opts.cases === false) return;
  const [ent] = await db.select({ enterpriseId: appUser.enterpriseId }).from(appUser).where(eq(appUser.username, 'gy-ent'));
  const targets = await db
    .select({ id: enterprise.id, regionCode: enterprise.regionCode })
    .from(enterprise)
    .where(and(eq(enterprise.countyCode, '410181'), ne(enterprise.id, ent?.enterpriseId ?? -1)))
    .orderBy(asc(enterprise.id))
    .limit(DEMO_CASES.length);
  for (const [i, spec] of DEMO_CASES.entries()) {
    const e = targets[i];
    const [a] = await db.select().from(agency).where(and(eq(agency.regionCode, '410181'), eq(agency.kind, spec.kind)));
    const [opener] = a ? await db.select().from(appUser).where(eq(appUser.agencyId, a.id)).orderBy(asc(appUser.id)).limit(1) : [];
    if (!e || !a || !opener) continue;
    const [exists] = await db.select({ n: count() }).from(nonComplianceCase).where(eq(nonComplianceCase.decisionNo, spec.decisionNo));
    if (Number(exists!.n) > 0) continue;
    const servedOn = addCalendarMonths(today, -spec.servedMonthsAgo);
    const deadline = spec.criterion === 'environment' ? addCalendarDays(today, 10) : null;
    const opening = openingOf({ criterion: spec.criterion, servedOn, deadline, measure: spec.measure, today });
    if (!opening.ok) continue;
    const [l] = await db.select({ id: line.id }).from(line).where(eq(line.enterpriseId, e.id)).orderBy(asc(line.id)).limit(1);
    await db.transaction(async (tx) => {
      const [c] = await tx
        .insert(nonComplianceCase)
        .values({
          enterpriseId: e.id,
          lineId: l?.id ?? null,
          agencyId: a.id,
          criterion: spec.criterion,
          standardText: spec.standardText,
          findings: spec.findings,
          decisionNo: spec.decisionNo,
          servedOn,
          deadline: opening.deadline,
          originalDeadline: opening.deadline,
          status: opening.status,
          createdBy: opener.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const event = { rectifying: 'open', restricted: 'open_restricted', suspended: 'open_suspended', stopped: 'open_stopped' }[opening.status as 'rectifying'] ?? 'open';
      await tx.insert(lifecycleHistory).values({
        entityType: 'non_compliance_case',
        entityId: c!.id,
        event,
        fromStatus: null,
        toStatus: c!.status,
        actorId: opener.id,
        actorName: opener.displayName,
        at: now,
        reason: null,
        payload: { decisionNo: c!.decisionNo, servedOn, deadline: c!.deadline, seed: 'demo' },
      });
      await recordAudit(tx, who, now, { action: `non_compliance_case.${event}`, entityType: 'non_compliance_case', entityId: c!.id, regionCode: e.regionCode, after: { status: c!.status, seed: 'demo' } });
    });
  }
}
