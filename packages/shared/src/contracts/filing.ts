import { z } from 'zod';
import { StoredFileInfo } from './stored-file.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');

/** 报送要求的种类 (002 §四(六), 003 §四(一), 004 §二(五)). */
export const FILING_KINDS = [
  'implementation_plan_contacts',
  'survey_result',
  'proposed_exit_list',
  'progress_report',
  'annual_summary',
  'fund_usage',
  'free_form',
] as const;
export type FilingKind = (typeof FILING_KINDS)[number];
export const FILING_KIND_LABELS: Record<FilingKind, string> = {
  implementation_plan_contacts: '实施方案及联系人',
  survey_result: '摸底排查结果',
  proposed_exit_list: '拟淘汰名单',
  progress_report: '进展情况',
  annual_summary: '年度总结',
  fund_usage: '资金使用',
  free_form: '其他',
};

/** Who must file: every region one reporting level down, chosen regions below, or the leading group's member agencies. */
export const FILING_AUDIENCES = ['child_regions', 'selected_regions', 'member_agencies'] as const;
export type FilingAudience = (typeof FILING_AUDIENCES)[number];
export const FILING_AUDIENCE_LABELS: Record<FilingAudience, string> = {
  child_regions: '全部下一级（省直管县向省级报送）',
  selected_regions: '指定的下级区划',
  member_agencies: '领导小组成员单位',
};

/** Period keys: weekly 2026-W14, half-monthly 2026-04a / 2026-04b, monthly 2026-04, yearly 2026, once `once`. */
export const RECURRENCES = ['once', 'weekly', 'half_monthly', 'monthly', 'yearly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];
export const RECURRENCE_LABELS: Record<Recurrence, string> = {
  once: '一次性',
  weekly: '每周（调度）',
  half_monthly: '每半月',
  monthly: '每月（通报）',
  yearly: '每年',
};

export const FILING_STATUSES = ['submitted', 'received', 'accepted', 'returned', 'resubmitted'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];
export const FILING_STATUS_LABELS: Record<FilingStatus, string> = {
  submitted: '已报送',
  received: '已接收',
  accepted: '已采纳',
  returned: '已退回',
  resubmitted: '已重新报送',
};

export const FILING_EVENTS = ['submit', 'receive', 'accept', 'return', 'resubmit'] as const;
export type FilingEvent = (typeof FILING_EVENTS)[number];
export const FILING_EVENT_LABELS: Record<FilingEvent, string> = {
  submit: '报送',
  receive: '接收',
  accept: '采纳',
  return: '退回修改',
  resubmit: '重新报送',
};

/**
 * How the due date is set. fixed / after_event: one-off requirements ("4月29日前", "事件后N个工作日");
 * after_period_end: recurring, N working days after each period ends (0 = the period's last working day);
 * month_day: yearly, the same date each year (e.g. 12-15).
 */
export const DueRule = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('fixed'), date: isoDate }),
  z.object({
    mode: z.literal('after_event'),
    eventDate: isoDate,
    workingDays: z.number().int().min(1, '工作日数至少为1').max(120, '工作日数不超过120'),
  }),
  z.object({ mode: z.literal('after_period_end'), workingDays: z.number().int().min(0).max(60, '工作日数不超过60') }),
  z.object({ mode: z.literal('month_day'), monthDay: z.string().regex(/^\d{2}-\d{2}$/, '日期格式应为MM-DD') }),
]);
export type DueRule = z.infer<typeof DueRule>;

export const AudienceInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('child_regions') }),
  z.object({ mode: z.literal('selected_regions'), regionCodes: z.array(z.string()).min(1, '请至少选择一个区划').max(500) }),
  /** Without agencyIds: every member agency of the issuing region's leading group (the office itself excluded). */
  z.object({ mode: z.literal('member_agencies'), agencyIds: z.array(z.number().int()).optional() }),
]);
export type AudienceInput = z.infer<typeof AudienceInput>;

export const REQUIRED_FIELD_TYPES = ['text', 'number', 'date'] as const;
export const RequiredField = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, '字段标识应以小写字母开头，只含字母、数字、下划线'),
  label: z.string().trim().min(1, '请填写字段名称').max(40),
  type: z.enum(REQUIRED_FIELD_TYPES).default('text'),
  required: z.boolean().default(true),
});
export type RequiredField = z.infer<typeof RequiredField>;

export const FilingRequirementBody = z.object({
  kind: z.enum(FILING_KINDS, { error: '请选择报送种类' }),
  title: z.string().trim().min(2, '标题至少2个字').max(100, '标题不超过100字'),
  description: z.string().trim().max(2000).default(''),
  year: z.number().int().min(2000).max(2100),
  audience: AudienceInput,
  recurrence: z.enum(RECURRENCES).default('once'),
  due: DueRule,
  /** Recurring requirements: the first and last day periods are generated for. */
  startsOn: isoDate.nullable().default(null),
  endsOn: isoDate.nullable().default(null),
  requiredFields: z.array(RequiredField).max(30).default([]),
  attachmentRequired: z.boolean().default(false),
  /** Reminder this many working days before each due date (and once when overdue). */
  remindDaysBefore: z.number().int().min(0).max(20).default(3),
});
export type FilingRequirementBody = z.infer<typeof FilingRequirementBody>;

/** Audience and recurrence are fixed once issued; the rest may be corrected (with the version read). */
export const FilingRequirementUpdateBody = FilingRequirementBody.omit({ audience: true, recurrence: true, kind: true, year: true }).extend({
  version: z.number().int(),
});
export type FilingRequirementUpdateBody = z.infer<typeof FilingRequirementUpdateBody>;

export const FilingTarget = z.object({
  id: z.number().int(),
  regionCode: z.string().nullable(),
  agencyId: z.number().int().nullable(),
  name: z.string(),
});
export type FilingTarget = z.infer<typeof FilingTarget>;

export const FilingPeriod = z.object({
  key: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  dueDate: z.string(),
  /** Counted in working days through a year without holiday data: shown 暂定 (issue 10 §3). */
  dueProvisional: z.boolean(),
});
export type FilingPeriod = z.infer<typeof FilingPeriod>;

export const FilingRequirementSummary = z.object({
  id: z.number().int(),
  kind: z.enum(FILING_KINDS),
  title: z.string(),
  year: z.number().int(),
  issuerRegionCode: z.string(),
  issuerRegionName: z.string(),
  issuerAgencyName: z.string().nullable(),
  audience: z.enum(FILING_AUDIENCES),
  recurrence: z.enum(RECURRENCES),
  /** The period whose deadline comes next (the last one once all have passed). */
  currentPeriod: FilingPeriod,
  targetCount: z.number().int(),
  /** Filed for the current period (any status), for the issuer's view. */
  filedCount: z.number().int(),
  /** For an addressed unit: its own filing for the current period. */
  myFiling: z
    .object({ id: z.number().int(), status: z.enum(FILING_STATUSES), lateWorkingDays: z.number().int() })
    .nullable(),
  /** How the current user relates to it: issued by their office, addressed to them, or above the issuer. */
  relation: z.enum(['issuer', 'filer', 'overseer']),
  deadlineLabel: z.string(),
});
export type FilingRequirementSummary = z.infer<typeof FilingRequirementSummary>;

export const FilingRequirement = FilingRequirementSummary.extend({
  description: z.string(),
  due: DueRule,
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  requiredFields: z.array(RequiredField),
  attachmentRequired: z.boolean(),
  remindDaysBefore: z.number().int(),
  issuedOn: z.string(),
  /** The expected filers (an addressed unit sees only itself). */
  targets: z.array(FilingTarget),
  /** Every period with its due date (one for a one-off requirement). */
  periods: z.array(FilingPeriod),
  /** For an addressed unit: the target it files as. */
  myTarget: FilingTarget.nullable(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), file: z.boolean(), viewFilings: z.boolean() }),
});
export type FilingRequirement = z.infer<typeof FilingRequirement>;

export const FilingRequirementQuery = z.object({
  /** issued: by my office or offices below it; addressed: to me. */
  view: z.enum(['issued', 'addressed']).default('addressed'),
  year: z.coerce.number().int().optional(),
  kind: z.enum(FILING_KINDS).optional(),
  /** issued view: only this issuing region (in scope). */
  issuer: z.string().optional(),
});

const fieldValue = z.union([z.string().max(5000), z.number()]);

export const FilingBody = z.object({
  /** Omitted: the current period. */
  periodKey: z.string().optional(),
  values: z.record(z.string(), fieldValue).default({}),
  note: z.string().trim().max(2000).default(''),
  /** Stored files (uploaded by the same user) attached to the filing. */
  fileIds: z.array(z.number().int()).max(20).default([]),
});
export type FilingBody = z.infer<typeof FilingBody>;

export const ResubmitBody = FilingBody.omit({ periodKey: true });
export type ResubmitBody = z.infer<typeof ResubmitBody>;

export const ReturnBody = z.object({ reason: z.string().trim().min(2, '请填写退回原因').max(2000) });

export const FilingHistoryEntry = z.object({
  id: z.number().int(),
  event: z.enum(FILING_EVENTS),
  fromStatus: z.enum(FILING_STATUSES).nullable(),
  toStatus: z.enum(FILING_STATUSES),
  revision: z.number().int(),
  actorName: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
  /** What was submitted at this point (values, note, files; survey lines for survey filings). */
  snapshot: z.unknown().nullable(),
});

export const Filing = z.object({
  id: z.number().int(),
  requirementId: z.number().int(),
  requirementTitle: z.string(),
  kind: z.enum(FILING_KINDS),
  periodKey: z.string(),
  periodLabel: z.string(),
  year: z.number().int(),
  target: FilingTarget,
  status: z.enum(FILING_STATUSES),
  revision: z.number().int(),
  values: z.record(z.string(), fieldValue),
  note: z.string(),
  fileIds: z.array(z.number().int()),
  dueDate: z.string(),
  /** Counted in working days into a year without holiday data: 暂定 until the admin enters that year (then recomputed). */
  dueProvisional: z.boolean(),
  submittedDate: z.string(),
  /** 0 = on time; else working days after the due date (first submission). */
  lateWorkingDays: z.number().int(),
  onTime: z.boolean(),
  submittedAt: z.string(),
  lastSubmittedAt: z.string(),
  returnReason: z.string().nullable(),
  version: z.number().int(),
  history: z.array(FilingHistoryEntry),
  /** The attached files (download: GET /api/v1/filing-attachments/:id). */
  attachments: z.array(StoredFileInfo),
  /** Events the current user may fire now. */
  availableEvents: z.array(z.enum(FILING_EVENTS)),
});
export type Filing = z.infer<typeof Filing>;

export const FilingSummary = Filing.omit({ history: true, values: true, attachments: true });
export type FilingSummary = z.infer<typeof FilingSummary>;

export const FilingListQuery = z.object({ period: z.string().optional() });

export const NonSubmitterQuery = z.object({ period: z.string().optional() });
export const NonSubmitters = z.object({
  requirementId: z.number().int(),
  period: FilingPeriod,
  today: z.string(),
  expected: z.number().int(),
  items: z.array(
    FilingTarget.extend({
      /** Working days past the due date (0 while not yet due). */
      overdueWorkingDays: z.number().int(),
      label: z.string(),
    }),
  ),
});
export type NonSubmitters = z.infer<typeof NonSubmitters>;

export const MATRIX_CELL_STATES = ['not_due', 'due_soon', 'overdue', ...FILING_STATUSES] as const;
export const MatrixQuery = z.object({
  /** Issuing region; defaults to the user's own. */
  region: z.string().optional(),
  year: z.coerce.number().int().optional(),
});
export const FilingMatrix = z.object({
  issuerRegionCode: z.string(),
  today: z.string(),
  requirements: z.array(
    z.object({ id: z.number().int(), title: z.string(), kind: z.enum(FILING_KINDS), period: FilingPeriod }),
  ),
  rows: z.array(
    z.object({
      regionCode: z.string().nullable(),
      agencyId: z.number().int().nullable(),
      name: z.string(),
      /** Keyed by requirement id; absent when the requirement does not address this row. */
      cells: z.record(
        z.string(),
        z.object({
          state: z.enum(MATRIX_CELL_STATES),
          filingId: z.number().int().nullable(),
          lateWorkingDays: z.number().int(),
          overdueWorkingDays: z.number().int(),
        }),
      ),
    }),
  ),
});
export type FilingMatrix = z.infer<typeof FilingMatrix>;

export const DeadlineQuery = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, '月份格式应为YYYY-MM') });
export const DeadlineItem = z.object({
  date: z.string(),
  /** filing: a due date of a requirement; phase_end: the end of a phase of the governing work plan. */
  kind: z.enum(['filing', 'phase_end']),
  title: z.string(),
  /** filer: addressed to me; issuer: issued by my office. */
  role: z.enum(['filer', 'issuer', 'plan']),
  requirementId: z.number().int().nullable(),
  periodKey: z.string().nullable(),
  status: z.string().nullable(),
  /** issuer: filed / expected. */
  filedCount: z.number().int().nullable(),
  expectedCount: z.number().int().nullable(),
  label: z.string(),
});
export type DeadlineItem = z.infer<typeof DeadlineItem>;

export const ReminderRunResult = z.object({ at: z.string(), today: z.string(), created: z.number().int() });
