import { z } from 'zod';
import { CASE_CRITERIA, CASE_STATUSES, EXTENSION_STATUSES, REINSPECTION_RESULTS } from '../enforcement-enums.ts';
import { EnterpriseRef } from './common.ts';
import { listQueryFields } from './list.ts';

/** The API contract of non-compliance cases (issue 12): routes under /api/v1/cases, module non-compliance-case. */
const isoDate = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为YYYY-MM-DD`);

/**
 * A case's events. Opening is four rows (one per state a case opens in: the ground decides which, ADR 0022);
 * a re-inspection concludes it; the opening department's other account withdraws one opened in error.
 */
export const CASE_EVENTS = ['open', 'open_restricted', 'open_suspended', 'open_stopped', 'reinspect_passed', 'reinspect_failed', 'withdraw'] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];
export const CASE_EVENT_LABELS: Record<CaseEvent, string> = {
  open: '立案（限期整改）',
  open_restricted: '立案（限制生产）',
  open_suspended: '立案（停产整治）',
  open_stopped: '立案（立即停产整改）',
  reinspect_passed: '复查合格',
  reinspect_failed: '复查不合格',
  withdraw: '撤销',
};
export const EXTENSION_EVENTS = ['request', 'grant', 'refuse'] as const;
export type ExtensionEvent = (typeof EXTENSION_EVENTS)[number];
export const EXTENSION_EVENT_LABELS: Record<ExtensionEvent, string> = { request: '申请延期', grant: '批准延期', refuse: '不予批准' };

export const CASE_LIST_KINDS = ['yellow', 'red'] as const;
export type CaseListKind = (typeof CASE_LIST_KINDS)[number];
export const CASE_LIST_KIND_LABELS: Record<CaseListKind, string> = { yellow: '黄牌', red: '红牌' };

export const CaseFileRef = z.object({ fileId: z.number().int(), kind: z.string(), name: z.string() });
export type CaseFileRef = z.infer<typeof CaseFileRef>;

export const CaseSummary = z.object({
  id: z.number().int(),
  ...EnterpriseRef.shape,
  lineId: z.number().int().nullable(),
  lineName: z.string().nullable(),
  agencyId: z.number().int(),
  agencyName: z.string(),
  criterion: z.enum(CASE_CRITERIA),
  decisionNo: z.string(),
  servedOn: z.string(),
  deadline: z.string().nullable(),
  originalDeadline: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  /** 黄牌 while open under a deadline, 红牌 once ordered closed, else null. */
  list: z.enum(CASE_LIST_KINDS).nullable(),
  /** Calendar days to the deadline (negative: overdue); null without a deadline or once concluded. */
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  concludedOn: z.string().nullable(),
  closureDecisionNo: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseExtensionRequest = z.object({
  id: z.number().int(),
  months: z.number().int(),
  reason: z.string(),
  status: z.enum(EXTENSION_STATUSES),
  requestedByName: z.string().nullable(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  availableEvents: z.array(z.enum(['grant', 'refuse'])),
});
export type CaseExtensionRequest = z.infer<typeof CaseExtensionRequest>;

export const CaseReinspection = z.object({
  id: z.number().int(),
  inspectedOn: z.string(),
  inspectors: z.string(),
  findings: z.string(),
  result: z.enum(REINSPECTION_RESULTS),
  recordedAt: z.string(),
});
export type CaseReinspection = z.infer<typeof CaseReinspection>;

export const Case = CaseSummary.extend({
  basisId: z.number().int().nullable(),
  standardText: z.string(),
  findings: z.string(),
  files: z.array(CaseFileRef),
  extensionRequests: z.array(CaseExtensionRequest),
  reinspections: z.array(CaseReinspection),
  /** The case events this user may fire now (withdraw; the re-inspection form fires reinspect_*). */
  availableEvents: z.array(z.enum(CASE_EVENTS)),
  abilities: z.object({ requestExtension: z.boolean(), reinspect: z.boolean(), withdraw: z.boolean(), upload: z.boolean() }),
});
export type Case = z.infer<typeof Case>;

export const CaseCreateBody = z.object({
  enterpriseId: z.number().int().positive(),
  lineId: z.number().int().positive().nullish(),
  criterion: z.enum(CASE_CRITERIA, { error: '请选择案件类别' }),
  basisId: z.number().int().positive().nullish(),
  standardText: z.string().trim().min(1, '请填写依据的标准或目录条目').max(1000, '依据不超过1000字'),
  findings: z.string().trim().min(1, '请填写检查发现的问题').max(5000, '检查发现不超过5000字'),
  decisionNo: z.string().trim().min(1, '请填写决定书文号').max(100, '决定书文号不超过100字'),
  servedOn: isoDate('送达日期'),
  /** Environment only: 限制生产 or 停产整治. */
  measure: z.enum(['restricted', 'suspended']).nullish(),
  /** Environment: the department's date (required); technology and land: optional; energy, quality, safety: none. */
  deadline: isoDate('整改期限').nullish(),
});
export type CaseCreateBody = z.infer<typeof CaseCreateBody>;

export const CaseExtensionBody = z.object({
  months: z.number({ error: '请填写延期月数' }).int('延期月数应为整数'),
  reason: z.string().trim().min(1, '请填写延期理由').max(2000, '延期理由不超过2000字'),
});
export type CaseExtensionBody = z.infer<typeof CaseExtensionBody>;

export const CaseExtensionTransitionBody = z.object({
  event: z.enum(['grant', 'refuse']),
  reason: z.string().trim().max(2000, '意见不超过2000字').optional(),
});
export type CaseExtensionTransitionBody = z.infer<typeof CaseExtensionTransitionBody>;

export const CaseReinspectionBody = z.object({
  inspectedOn: isoDate('复查日期'),
  inspectors: z.string().trim().min(1, '请填写复查人员').max(200, '复查人员不超过200字'),
  findings: z.string().trim().min(1, '请填写复查情况').max(5000, '复查情况不超过5000字'),
  result: z.enum(['passed', 'failed'], { error: '请选择复查结论' }),
  /** Required when the result is failed: the closure decision's number. */
  closureDecisionNo: z.string().trim().max(100, '关闭决定文号不超过100字').nullish(),
});
export type CaseReinspectionBody = z.infer<typeof CaseReinspectionBody>;

export const CaseTransitionBody = z.object({ event: z.enum(['withdraw']), reason: z.string().trim().max(2000, '原因不超过2000字').optional() });
export type CaseTransitionBody = z.infer<typeof CaseTransitionBody>;

export const CaseFilterQuery = z.object({
  criterion: z.enum(CASE_CRITERIA).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  list: z.enum(CASE_LIST_KINDS).optional(),
  /** Open cases whose deadline has passed. */
  overdue: z.enum(['true', 'false']).optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
});
export type CaseFilterQuery = z.infer<typeof CaseFilterQuery>;
// Sortable by the case number only: the primary key serves it (the list joins enterprise, line and agency).
export const CaseQuery = CaseFilterQuery.extend(listQueryFields({ id: '立案顺序' }, '-id'));
export type CaseQuery = z.infer<typeof CaseQuery>;

/** The department's 工作台 card: its open cases, those due soon, overdue, and extension requests awaiting decision. */
export const CaseDesk = z.object({
  open: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
  extensionRequests: z.number().int(),
  /** The grounds this user's department may open cases on (empty: no 立案 button). */
  openableCriteria: z.array(z.enum(CASE_CRITERIA)),
});
export type CaseDesk = z.infer<typeof CaseDesk>;
