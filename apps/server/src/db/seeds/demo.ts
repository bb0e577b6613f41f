import { count, eq } from 'drizzle-orm';
import { AGENCY_KIND_LABELS, AGENCY_KINDS, type AgencyKind } from '@taotai/shared';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { recordAudit, systemSubject } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { childRow, regionRepository } from '../../modules/region/index.ts';
import type { Db } from '../client.ts';
import { agency, appUser, leadingGroup, leadingGroupMember, officeDocumentSetting } from '../schema/index.ts';
import { DEMO_PASSWORD, seedBase } from './base.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoEnterprises } from './demo-enterprises.ts';

/** Regions with agencies, a leading group and an office account in the demo. */
export const DEMO_REGIONS = [
  { code: '410000', office: 'ha-office' },
  { code: '410100', office: 'zz-office' },
  { code: '410181', office: 'gy-office' },
  { code: '410182', office: 'xy-office' },
] as const;

/** 巩义 agency accounts, one per department: gy-<kind>. */
export const GY_AGENCY_USERS: Record<Exclude<AgencyKind, 'industry' | 'government'>, string> = {
  development: 'gy-fgw',
  ecology: 'gy-sthj',
  market: 'gy-scjg',
  emergency: 'gy-yjgl',
  hr: 'gy-rsj',
  natural_resources: 'gy-zrzy',
  finance: 'gy-czj',
  tax: 'gy-swj',
  pboc: 'gy-rmyh',
  power: 'gy-gdgs',
  union: 'gy-zgh',
  commerce: 'gy-swu',
};

const PROVINCE_AGENCY_NAMES: Partial<Record<AgencyKind, string>> = {
  government: '人民政府',
  industry: '工业和信息化厅',
  ecology: '生态环境厅',
  emergency: '应急管理厅',
  hr: '人力资源和社会保障厅',
  natural_resources: '自然资源厅',
  finance: '财政厅',
  commerce: '商务厅',
};

export const DEMO_PARK_NAME = '巩义市产业集聚区（示例）';

/**
 * The demo data set (issue #2): Henan's regions, agencies and leading groups for the province,
 * 郑州, 巩义 and 荥阳, the demo accounts (password in README) and ~300 fictitious enterprises.
 * Idempotent: does nothing once the demo accounts exist.
 */
/** Example contact lines (fictitious numbers and addresses) for the demo's 巩义 and 郑州 offices. */
const DEMO_OFFICE_SETTINGS = [
  {
    regionCode: '410181',
    letterhead: '巩义市淘汰落后产能工作领导小组办公室',
    numberPrefix: '巩淘汰办',
    signingOrgan: '巩义市淘汰落后产能工作领导小组办公室',
    contactPerson: '王示例',
    phone: '0371-64390000',
    address: '巩义市示例路1号市工业和信息化局',
    email: 'gy-ttb@example.cn',
    copyTo: ['郑州市淘汰落后产能工作领导小组办公室'],
  },
  {
    regionCode: '410100',
    letterhead: '郑州市淘汰落后产能工作领导小组办公室',
    numberPrefix: '郑淘汰办',
    signingOrgan: '郑州市淘汰落后产能工作领导小组办公室',
    contactPerson: '李示例',
    phone: '0371-67180000',
    address: '郑州市示例路2号市工业和信息化局',
    email: 'zz-ttb@example.cn',
    copyTo: ['河南省淘汰落后产能工作领导小组办公室'],
  },
];

export async function seedDemo(db: Db, clock: Clock, opts: { enterprises?: number; cases?: boolean } = {}): Promise<void> {
  await seedBase(db, clock, { demoMode: true });
  const [existing] = await db.select({ n: count() }).from(appUser).where(eq(appUser.username, 'gy-office'));
  // Cases came later than the rest of the demo (issue 12): a demo database of an earlier release gets them too.
  if (Number(existing!.n) > 0) return seedDemoCases(db, clock, opts);
  const now = clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const who = systemSubject('seed');

  await db.transaction(async (tx) => {
    const officeAgency: Record<string, number> = {};
    const agencyIds: Record<string, Record<string, number>> = {};
    for (const { code } of DEMO_REGIONS) {
      const region = (await regionRepository.byCode(tx, code))!;
      agencyIds[code] = {};
      for (const kind of AGENCY_KINDS) {
        const suffix = region.level === 'province' ? (PROVINCE_AGENCY_NAMES[kind] ?? AGENCY_KIND_LABELS[kind]) : AGENCY_KIND_LABELS[kind];
        const [a] = await tx
          .insert(agency)
          .values({ regionCode: code, kind, name: region.name + suffix, isGroupOffice: kind === 'industry' })
          .returning();
        agencyIds[code]![kind] = a!.id;
        if (kind === 'industry') officeAgency[code] = a!.id;
      }
      const [g] = await tx
        .insert(leadingGroup)
        .values({ regionCode: code, name: `${region.name}淘汰落后产能工作领导小组`, officeAgencyId: officeAgency[code] })
        .returning();
      // The group is led by the government's deputy head; 工信 (the office) and 发改 deputise.
      const roleOf = (kind: AgencyKind) =>
        kind === 'government' ? 'leader' : kind === 'industry' || kind === 'development' ? 'deputy_leader' : 'member';
      const titleOf = (kind: AgencyKind) =>
        kind === 'government' ? (region.level === 'province' ? '副省长' : '副市长') : kind === 'industry' ? '局长（领导小组办公室主任）' : '负责人';
      await tx.insert(leadingGroupMember).values(
        AGENCY_KINDS.map((kind) => ({
          groupId: g!.id,
          agencyId: agencyIds[code]![kind]!,
          role: roleOf(kind),
          personName: `示例${AGENCY_KIND_LABELS[kind].slice(0, 2)}负责人`,
          personTitle: titleOf(kind),
        })),
      );
      await recordAudit(tx, who, now, { action: 'leading_group.create', entityType: 'leading_group', entityId: g!.id, regionCode: code, after: { name: g!.name } });
    }

    // Document settings of 巩义 and 郑州 (issue 11): what their 公文 and 公示 print; 荥阳 and 河南 keep the defaults.
    await tx.insert(officeDocumentSetting).values(DEMO_OFFICE_SETTINGS.map((s) => ({ ...s, updatedAt: now })));

    const gy = (await regionRepository.byCode(tx, '410181'))!;
    const park = childRow('P000001', DEMO_PARK_NAME, 'park', gy);
    await regionRepository.insertMany(tx, [park]);

    const users: (typeof appUser.$inferInsert)[] = [
      ...DEMO_REGIONS.map((r) => ({
        username: r.office,
        displayName: `${r.office.startsWith('ha') ? '省' : r.office.startsWith('zz') ? '郑州市' : r.office.startsWith('gy') ? '巩义市' : '荥阳市'}领导小组办公室`,
        role: 'group_office',
        regionCode: r.code,
        agencyId: officeAgency[r.code]!,
      })),
      ...Object.entries(GY_AGENCY_USERS).map(([kind, username]) => ({
        username,
        displayName: `巩义市${AGENCY_KIND_LABELS[kind as AgencyKind]}`,
        role: 'member_agency',
        regionCode: '410181',
        agencyId: agencyIds['410181']![kind]!,
      })),
      { username: 'gy-town', displayName: '米河镇经济发展办公室', role: 'town', regionCode: '410181100' },
      { username: 'gy-park', displayName: '产业集聚区管委会', role: 'town', regionCode: park.code },
      { username: 'gy-leader', displayName: '巩义市分管领导', role: 'leader', regionCode: '410181' },
      // 身份保管人 (issue 13, ADR 0025): the only account that may reveal a real-name tipster of 巩义, giving a reason.
      { username: 'gy-custodian', displayName: '巩义市举报人身份保管人', role: 'identity_custodian', regionCode: '410181' },
      { username: 'auditor', displayName: '审计员', role: 'auditor', regionCode: '410000' },
      { username: 'auditor-cn', displayName: '全国审计员', role: 'national_auditor', regionCode: '100000' },
    ].map((u) => ({ ...u, passwordHash, passwordChangedAt: now, createdAt: now, mustChangePassword: false }));
    const inserted = await tx.insert(appUser).values(users).returning({ id: appUser.id, username: appUser.username, role: appUser.role });
    for (const u of inserted) {
      await recordAudit(tx, who, now, { action: 'user.create', entityType: 'user', entityId: u.id, after: { username: u.username, role: u.role } });
    }
  });

  const { firstGongyiEnterpriseId } = await seedDemoEnterprises(db, clock, opts.enterprises ?? 300);
  await db.transaction(async (tx) => {
    const [u] = await tx
      .insert(appUser)
      .values({
        username: 'gy-ent',
        displayName: '企业用户（示例）',
        passwordHash,
        role: 'enterprise',
        regionCode: '410181',
        enterpriseId: firstGongyiEnterpriseId,
        passwordChangedAt: now,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, who, now, { action: 'user.create', entityType: 'user', entityId: u!.id, after: { username: 'gy-ent', role: 'enterprise' } });
  });
  await seedDemoCases(db, clock, opts);
}
