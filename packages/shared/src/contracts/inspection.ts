import { z } from 'zod';
import { listQueryFields } from './list.ts';
import { StoredFileInfo } from './stored-file.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');

/**
 * 联合检查验收 (002 §二(三)): a round with a team drawn from the region's member agencies inspects each
 * enterprise whose exit tasks await acceptance and issues a written acceptance opinion per enterprise.
 */
export const INSPECTION_ROUND_STATUSES = ['draft', 'in_progress', 'concluded'] as const;
export type InspectionRoundStatus = (typeof INSPECTION_ROUND_STATUSES)[number];
export const INSPECTION_ROUND_STATUS_LABELS: Record<InspectionRoundStatus, string> = {
  draft: '筹备中',
  in_progress: '检查中',
  concluded: '已结束',
};

export const INSPECTION_ROUND_EVENTS = ['start', 'conclude'] as const;
export type InspectionRoundEvent = (typeof INSPECTION_ROUND_EVENTS)[number];
export const INSPECTION_ROUND_EVENT_LABELS: Record<InspectionRoundEvent, string> = { start: '开始检查', conclude: '结束本批次' };

export const TEAM_ROLES = ['leader', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const TEAM_ROLE_LABELS: Record<TeamRole, string> = { leader: '组长', member: '成员' };

/** The four things the team checks on site, in the order the opinion lists them. */
export const INSPECTION_CHECKS = ['equipmentDismantled', 'powerCut', 'destinationDocumented', 'workersPlaced'] as const;
export type InspectionCheck = (typeof INSPECTION_CHECKS)[number];
export const INSPECTION_CHECK_LABELS: Record<InspectionCheck, string> = {
  equipmentDismantled: '主体设备已拆除无法恢复生产',
  powerCut: '已断电',
  destinationDocumented: '设备去向有据可查',
  workersPlaced: '职工已妥善安置',
};

export const INSPECTION_CONCLUSIONS = ['pass', 'fail'] as const;
export type InspectionConclusion = (typeof INSPECTION_CONCLUSIONS)[number];
export const INSPECTION_CONCLUSION_LABELS: Record<InspectionConclusion, string> = { pass: '通过验收', fail: '不予通过' };

export const INSPECTION_RECORD_STATUSES = ['pending', 'concluded'] as const;
export type InspectionRecordStatus = (typeof INSPECTION_RECORD_STATUSES)[number];

/** none: no opinion yet; drafted: generated with its document number; signed: the signed scan is filed. */
export const OPINION_STATUSES = ['none', 'drafted', 'signed'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];
export const OPINION_STATUS_LABELS: Record<OpinionStatus, string> = { none: '未生成', drafted: '已生成待签发', signed: '已签发' };

export const TeamMemberBody = z.object({
  agencyId: z.number().int().positive(),
  personName: z.string().trim().min(1, '请填写人员姓名').max(50),
  role: z.enum(TEAM_ROLES),
});
export type TeamMemberBody = z.infer<typeof TeamMemberBody>;

export const InspectionRoundBody = z.object({
  /** The office's own region by default; the admin names it. */
  regionCode: z.string().optional(),
  title: z.string().trim().min(1, '请填写批次名称').max(100),
  year: z.number().int().min(2000).max(2100),
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
  team: z.array(TeamMemberBody).max(50),
  /** 检查组组长's account (issue 10 §2): concludes the round and signs the opinions; from GET /inspections/leader-accounts. */
  leaderUserId: z.number().int().positive().nullable().optional(),
});
export type InspectionRoundBody = z.infer<typeof InspectionRoundBody>;

export const InspectionRoundUpdateBody = InspectionRoundBody.omit({ regionCode: true }).extend({ version: z.number().int() });
export type InspectionRoundUpdateBody = z.infer<typeof InspectionRoundUpdateBody>;

export const InspectionRoundTransitionBody = z.object({ event: z.enum(INSPECTION_ROUND_EVENTS), version: z.number().int() });
export type InspectionRoundTransitionBody = z.infer<typeof InspectionRoundTransitionBody>;

export const InspectionRoundFilterQuery = z.object({
  year: z.coerce.number().int().optional(),
  /** Rounds formed in this region's subtree. */
  region: z.string().optional(),
  status: z.enum(INSPECTION_ROUND_STATUSES).optional(),
});
// Sortable by the round number only: the primary key serves it; the list joins the region for its name.
export const InspectionRoundQuery = InspectionRoundFilterQuery.extend(listQueryFields({ id: '编号' }, '-id'));
export type InspectionRoundQuery = z.infer<typeof InspectionRoundQuery>;

export const TeamMember = z.object({ agencyId: z.number().int(), agencyName: z.string(), personName: z.string(), role: z.enum(TEAM_ROLES) });
export type TeamMember = z.infer<typeof TeamMember>;

export const InspectionRoundSummary = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  title: z.string(),
  year: z.number().int(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: z.enum(INSPECTION_ROUND_STATUSES),
  team: z.array(TeamMember),
  /** The leader's account and its display name (null until chosen). */
  leaderUserId: z.number().int().nullable(),
  leaderAccountName: z.string().nullable(),
  enterpriseCount: z.number().int(),
  concludedCount: z.number().int(),
  version: z.number().int(),
});
export type InspectionRoundSummary = z.infer<typeof InspectionRoundSummary>;

/** A line under inspection: live while the record is pending, as concluded afterwards. */
export const InspectedLine = z.object({
  taskId: z.number().int(),
  lineId: z.number().int(),
  lineName: z.string(),
  specification: z.string(),
  capacity: z.number(),
  unitName: z.string(),
});
export type InspectedLine = z.infer<typeof InspectedLine>;

export const InspectionChecklist = z.object({
  equipmentDismantled: z.boolean(),
  powerCut: z.boolean(),
  destinationDocumented: z.boolean(),
  workersPlaced: z.boolean(),
});
export type InspectionChecklist = z.infer<typeof InspectionChecklist>;

export const InspectionRecord = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  status: z.enum(INSPECTION_RECORD_STATUSES),
  checklist: InspectionChecklist,
  notes: z.string(),
  inspectedOn: z.string().nullable(),
  conclusion: z.enum(INSPECTION_CONCLUSIONS).nullable(),
  reasons: z.string().nullable(),
  concludedAt: z.string().nullable(),
  concludedBy: z.string().nullable(),
  lines: z.array(InspectedLine),
  opinion: z.object({ documentNumber: z.string().nullable(), status: z.enum(OPINION_STATUSES), signedScan: StoredFileInfo.nullable() }),
  version: z.number().int(),
  abilities: z.object({ conclude: z.boolean(), remove: z.boolean(), generateOpinion: z.boolean(), uploadScan: z.boolean() }),
});
export type InspectionRecord = z.infer<typeof InspectionRecord>;

export const InspectionRound = InspectionRoundSummary.extend({
  records: z.array(InspectionRecord),
  abilities: z.object({ update: z.boolean(), addEnterprises: z.boolean(), events: z.array(z.enum(INSPECTION_ROUND_EVENTS)) }),
});
export type InspectionRound = z.infer<typeof InspectionRound>;

/** An enterprise whose exit tasks await acceptance, not yet under inspection elsewhere. */
export const InspectionCandidate = z.object({
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  lines: z.array(InspectedLine),
});
export type InspectionCandidate = z.infer<typeof InspectionCandidate>;

/** An account that may lead a round's team: an active office account of the round's region or above. */
export const InspectionLeaderAccount = z.object({ id: z.number().int(), displayName: z.string(), regionCode: z.string(), role: z.string() });
export type InspectionLeaderAccount = z.infer<typeof InspectionLeaderAccount>;
export const InspectionLeaderAccountQuery = z.object({ regionCode: z.string().optional() });
export type InspectionLeaderAccountQuery = z.infer<typeof InspectionLeaderAccountQuery>;

export const AddInspectionEnterprisesBody = z.object({ enterpriseIds: z.array(z.number().int().positive()).min(1, '请选择企业').max(200) });
export type AddInspectionEnterprisesBody = z.infer<typeof AddInspectionEnterprisesBody>;

export const InspectionConclusionBody = InspectionChecklist.extend({
  version: z.number().int(),
  notes: z.string().trim().max(2000).default(''),
  inspectedOn: isoDate,
  conclusion: z.enum(INSPECTION_CONCLUSIONS),
  reasons: z.string().trim().max(2000).optional(),
});
export type InspectionConclusionBody = z.infer<typeof InspectionConclusionBody>;

export const OPINION_SCAN_MAX_BYTES = 20 * 1024 * 1024;
