import { appUser } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seeds/base.ts';
import { childRow, regionRepository } from '../../src/modules/region/index.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { insertCase } from '../case-fixtures.ts';
import { createEnterprise, createLine } from '../enterprise-fixtures.ts';
import { evidenceForm, JPEG, PDF } from '../exit-task-fixtures.ts';
import { requestAcceptance } from '../inspection-fixtures.ts';
import { onceRequirement } from '../filing-fixtures.ts';
import { call, YEAR } from '../target-fixtures.ts';
import { insertTip } from './tip-fixture.ts';
import type { TestApp } from './test-app.ts';

/**
 * Owner regions of the scope matrix (issue 9): two sibling counties (巩义 is also a 省直管县), a
 * prefecture's own level, another prefecture, and the province's own level.
 */
export const OWNER_REGIONS = ['410181', '410182', '410100', '410300', '410000'] as const;
export type OwnerRegion = (typeof OWNER_REGIONS)[number];

/** The group office of each owner region; 洛阳's and 湖北's are created here (the demo has none). */
export const OFFICE_OF: Record<OwnerRegion, string> = {
  '410181': 'gy-office',
  '410182': 'xy-office',
  '410100': 'zz-office',
  '410300': 'ly-office',
  '410000': 'ha-office',
};

/**
 * Where each owner region registers its fixture enterprise: enterprises sit at a county or below, so a
 * prefecture's or the province's records name one of its counties (新郑, 洛阳西工区, 开封's 乡镇).
 */
const ENTERPRISE_REGION: Record<OwnerRegion, string> = {
  '410181': '410181100',
  '410182': '410182101',
  '410100': '410184',
  '410300': '410303',
  '410000': '410203001',
};

/** The reporting parent that issues the survey requirement each owner region files on (巩义 reports to the province). */
const ISSUER_OF: Partial<Record<OwnerRegion, OwnerRegion>> = { '410181': '410000', '410182': '410100', '410100': '410000', '410300': '410000' };

/** The records one owner region holds; every id the by-id routes need. */
export interface OwnerRecords {
  region: string;
  /** The enterprise's own region (tasks, evidence and lines follow it). */
  enterpriseRegion: string;
  enterpriseId: number;
  lineId: number;
  planId: number;
  planLineId: number;
  taskId: number;
  evidenceId: number;
  targetId: number;
  letterId: number;
  /** Regions a letter touches (甲方, 乙方): either side reads it. */
  letterRegions: string[];
  workPlanId: number;
  requirementId: number;
  /** Filings and survey filings are the filer's; filings follow the reporting tree. */
  filingId: number | null;
  surveyFilingId: number | null;
  attachmentId: number | null;
  roundId: number;
  recordId: number;
  announcementId: number;
  userId: number;
  /** A non-compliance case on the region's enterprise (opened by 巩义's 发改委). */
  caseId: number;
  /** A tip about a place of the region, handled by the region itself (issue 13). */
  tipId: number;
}

/** Accounts of another province and of 洛阳, inserted through the seed's tables (the template holds Henan only). */
export async function seedOtherAccounts(t: TestApp): Promise<void> {
  const hubei = childRow('420000', '湖北省', 'province', null);
  const wuhan = childRow('420100', '武汉市', 'prefecture', hubei);
  await regionRepository.insertMany(t.ctx.db, [hubei, wuhan]);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = t.clock.now();
  const base = { passwordHash, passwordChangedAt: now, createdAt: now, mustChangePassword: false, role: 'group_office' };
  await t.ctx.db.insert(appUser).values([
    { ...base, username: 'ly-office', displayName: '洛阳市领导小组办公室（测试）', regionCode: '410300' },
    { ...base, username: 'hb-office', displayName: '湖北省领导小组办公室（测试）', regionCode: '420000' },
  ]);
}

const multipart = (file: Buffer, name: string) => evidenceForm('signed_scan', file, name);

/**
 * Builds every owner region's records once, as the admin (who may draft, approve and carry out in any
 * region) and as each region's office where only that office may act (work plans, requirements, filings).
 */
export async function buildOwnerRecords(t: TestApp, cookies: Record<string, string>): Promise<Record<OwnerRegion, OwnerRecords>> {
  const admin = cookies.admin!;
  const out = {} as Record<OwnerRegion, OwnerRecords>;
  // Targets: the province's root, decomposed to 郑州 and 洛阳, and 郑州's to 巩义 and 荥阳.
  const root = await call(t, admin, {
    method: 'POST',
    url: '/api/v1/targets',
    payload: { regionCode: '410000', year: YEAR, industryCode: 'cement', unitCode: 'wan_t', quantity: 3000, enterpriseCount: 20 },
  }, 201);
  const allocate = async (id: number, items: { regionCode: string; quantity: number; enterpriseCount: number }[]) => {
    const cur = await call(t, admin, { method: 'GET', url: `/api/v1/targets/${id}` });
    const res = await call(t, admin, { method: 'PUT', url: `/api/v1/targets/${id}/allocations`, payload: { version: cur.version, items } });
    return Object.fromEntries(res.allocations.map((a: { regionCode: string; targetId: number }) => [a.regionCode, a.targetId])) as Record<string, number>;
  };
  const prov = await allocate(root.id, [{ regionCode: '410100', quantity: 1500, enterpriseCount: 8 }, { regionCode: '410300', quantity: 900, enterpriseCount: 5 }]);
  const zz = await allocate(prov['410100']!, [{ regionCode: '410181', quantity: 900, enterpriseCount: 5 }, { regionCode: '410182', quantity: 600, enterpriseCount: 3 }]);
  const targetOf: Record<OwnerRegion, number> = { '410000': root.id, '410100': prov['410100']!, '410300': prov['410300']!, '410181': zz['410181']!, '410182': zz['410182']! };
  // Letters: 甲方 the parent, 乙方 the region (the province's own letter goes to 郑州 too, from the province).
  const letterParty: Record<OwnerRegion, [string, string]> = {
    '410000': ['410000', '410100'],
    '410100': ['410100', '410181'],
    '410300': ['410000', '410300'],
    '410181': ['410100', '410181'],
    '410182': ['410100', '410182'],
  };
  const letters: Record<string, number> = {};
  for (const [a, b] of [...new Set(Object.values(letterParty).map((p) => p.join('>')))].map((k) => k.split('>') as [string, string])) {
    const l = await call(t, admin, { method: 'POST', url: '/api/v1/responsibility-letters', payload: { year: YEAR, partyARegionCode: a, partyBRegionCode: b } }, 201);
    const scan = await t.request({ method: 'POST', url: `/api/v1/responsibility-letters/${l.id}/signed-scan`, cookie: admin, ...multipart(PDF, '责任书.pdf') });
    if (scan.statusCode !== 200) throw new Error(`letter scan: ${scan.statusCode} ${scan.body}`);
    letters[`${a}>${b}`] = l.id;
  }
  // Survey requirements (zero reports) issued by each reporting parent to its child regions.
  const surveyReq: Record<string, number> = {};
  for (const issuer of new Set(Object.values(ISSUER_OF))) {
    const r = await call(t, cookies[OFFICE_OF[issuer]]!, {
      method: 'POST',
      url: '/api/v1/filing-requirements',
      payload: onceRequirement({ kind: 'survey_result', title: '摸底排查结果', requiredFields: [] }),
    }, 201);
    surveyReq[issuer] = r.id;
  }
  for (const region of OWNER_REGIONS) {
    const office = cookies[OFFICE_OF[region]]!;
    const ent = await createEnterprise(t, admin, { regionCode: ENTERPRISE_REGION[region], name: `范围矩阵${region}水泥有限公司` });
    const line = await createLine(t, admin, ent.id, { name: `范围矩阵${region}机立窑`, capacity: 10 });
    const plan = await call(t, admin, { method: 'POST', url: '/api/v1/elimination-plans', payload: { regionCode: region, year: YEAR } }, 201);
    const withLines = await call(t, admin, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/lines`, payload: { version: plan.version, items: [{ lineId: line.id }] } });
    // The region's office submits; the admin stands in for the level above (nobody approves what they submitted).
    await call(t, office, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/transitions`, payload: { event: 'submit' } });
    await call(t, admin, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/transitions`, payload: { event: 'approve' } });
    const tasks = await call(t, admin, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${plan.id}` });
    const taskId = tasks.tasks[0].id as number;
    const ev = await t.request({ method: 'POST', url: `/api/v1/exit-tasks/${taskId}/evidence`, cookie: admin, ...evidenceForm('photo_before', JPEG, 'before.jpg') });
    if (ev.statusCode !== 201) throw new Error(`evidence: ${ev.statusCode} ${ev.body}`);
    await requestAcceptance(t, admin, taskId);
    const round = await call(t, admin, {
      method: 'POST',
      url: '/api/v1/inspections',
      payload: { regionCode: region, title: `范围矩阵${region}验收批次`, year: YEAR, startDate: '2026-03-02', team: [] },
    }, 201);
    const withRecords = await call(t, admin, { method: 'POST', url: `/api/v1/inspections/${round.id}/records`, payload: { enterpriseIds: [ent.id] } });
    const ann = await call(t, admin, { method: 'POST', url: '/api/v1/announcements', payload: { regionCode: region, year: YEAR, kind: 'plan_list', sourcePlanId: plan.id } }, 201);
    const workPlan = await call(t, office, { method: 'POST', url: '/api/v1/work-plans', payload: { source: 'template', year: YEAR, template: 'standard' } }, 201);
    const requirement = await call(t, office, { method: 'POST', url: '/api/v1/filing-requirements', payload: onceRequirement() }, 201);
    let filingId: number | null = null;
    let surveyFilingId: number | null = null;
    let attachmentId: number | null = null;
    const issuer = ISSUER_OF[region];
    if (issuer) {
      const up = await t.request({ method: 'POST', url: '/api/v1/filing-attachments', cookie: office, ...multipart(PDF, '附件.pdf') });
      if (up.statusCode !== 201) throw new Error(`attachment: ${up.statusCode} ${up.body}`);
      attachmentId = up.json().id;
      const survey = await call(t, office, {
        method: 'POST',
        url: '/api/v1/survey-filings',
        // A survey result listing the region's own matrix line (a zero report is refused while the registry holds lines).
        payload: { requirementId: surveyReq[issuer], zeroReport: false, lineIds: [line.id], statement: '经全面排查，列入排查登记的生产线如下', fileIds: [attachmentId] },
      }, 201);
      surveyFilingId = survey.id;
      filingId = survey.id;
    }
    const [a, b] = letterParty[region];
    const users = await call(t, admin, { method: 'GET', url: `/api/v1/users?q=${OFFICE_OF[region]}` });
    out[region] = {
      region,
      enterpriseRegion: ENTERPRISE_REGION[region],
      enterpriseId: ent.id,
      lineId: line.id,
      planId: plan.id,
      planLineId: withLines.lines?.[0]?.id ?? (await call(t, admin, { method: 'GET', url: `/api/v1/elimination-plans/${plan.id}` })).lines[0].id,
      taskId,
      evidenceId: ev.json().id,
      targetId: targetOf[region],
      letterId: letters[`${a}>${b}`]!,
      letterRegions: [a, b],
      workPlanId: workPlan.id,
      requirementId: requirement.id,
      filingId,
      surveyFilingId,
      attachmentId,
      roundId: round.id,
      recordId: withRecords.records[0].id,
      announcementId: ann.id,
      userId: users.items.find((u: { username: string }) => u.username === OFFICE_OF[region]).id,
      caseId: await insertCase(t, ent.id),
      tipId: await insertTip(t, { regionCode: ENTERPRISE_REGION[region], handlingRegionCode: region }),
    };
  }
  return out;
}
