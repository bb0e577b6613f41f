import { z } from 'zod';
import { listQueryFields } from './list.ts';
import { StoredFileInfo } from './stored-file.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');

/**
 * 退出任务 of one planned line (002 §二(二)1, §二(三)): sealed first where it cannot be dismantled yet,
 * dismantled, then inspected and accepted (or rejected and redone); closure by order ends it early.
 */
export const EXIT_TASK_STATUSES = ['planned', 'sealed', 'dismantled', 'acceptance_requested', 'rejected', 'accepted', 'closed'] as const;
export type ExitTaskStatus = (typeof EXIT_TASK_STATUSES)[number];
export const EXIT_TASK_STATUS_LABELS: Record<ExitTaskStatus, string> = {
  planned: '待退出',
  sealed: '已封存',
  dismantled: '已拆除',
  acceptance_requested: '待验收',
  rejected: '验收未通过',
  accepted: '已验收',
  closed: '已关闭',
};

export const EXIT_TASK_EVENTS = ['seal', 'dismantle', 'request_acceptance', 'accept', 'reject', 'resubmit', 'close', 'reopen'] as const;
export type ExitTaskEvent = (typeof EXIT_TASK_EVENTS)[number];
export const EXIT_TASK_EVENT_LABELS: Record<ExitTaskEvent, string> = {
  seal: '封存',
  dismantle: '拆除',
  request_acceptance: '申请验收',
  accept: '验收通过',
  reject: '验收不通过',
  resubmit: '整改后重新提交',
  close: '依令关闭',
  /** A substantiated tip found production resumed after sealing or acceptance (issue 13): back to 待退出, with the tip as reason. */
  reopen: '复产重开',
};

export const EVIDENCE_KINDS = ['seal_photo', 'commitment_scan', 'photo_before', 'photo_during', 'photo_after', 'witness_record'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  seal_photo: '主体设备封存照片',
  commitment_scan: '企业公开承诺书（签字盖章扫描件）',
  photo_before: '拆除前照片',
  photo_during: '拆除中照片',
  photo_after: '拆除后照片',
  witness_record: '拆除见证记录',
};
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export const EQUIPMENT_DESTINATIONS = ['scrapped', 'sold', 'other'] as const;
export type EquipmentDestination = (typeof EQUIPMENT_DESTINATIONS)[number];
export const EQUIPMENT_DESTINATION_LABELS: Record<EquipmentDestination, string> = { scrapped: '报废', sold: '出售', other: '其他' };

/** What sealing records: each measure taken, and the date by which dismantling must follow. */
export const SealPayload = z.object({
  waterCut: z.boolean().optional(),
  powerCut: z.boolean().optional(),
  powerUnitsRemoved: z.boolean().optional(),
  equipmentSealed: z.boolean().optional(),
  dismantleDeadline: isoDate.optional(),
});
export type SealPayload = z.infer<typeof SealPayload>;

/** What dismantling records: who signed the witness record and where the equipment went. */
export const DismantlePayload = z.object({
  legalRepresentative: z.string().trim().max(50).optional(),
  officials: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  destination: z.enum(EQUIPMENT_DESTINATIONS).optional(),
  buyerName: z.string().trim().max(200).optional(),
  buyerUscc: z.string().trim().max(18).optional(),
  destinationNote: z.string().trim().max(500).optional(),
});
export type DismantlePayload = z.infer<typeof DismantlePayload>;

export const ExitTaskTransitionBody = z.object({
  event: z.enum(EXIT_TASK_EVENTS),
  /** Event facts: SealPayload for seal, DismantlePayload for dismantle/resubmit; reason for reject; order for close. */
  payload: z
    .object({
      ...SealPayload.shape,
      ...DismantlePayload.shape,
      reason: z.string().trim().max(1000).optional(),
      orderNo: z.string().trim().max(100).optional(),
    })
    .default({}),
});
export type ExitTaskTransitionBody = z.infer<typeof ExitTaskTransitionBody>;

/**
 * Where a task stands for counting (the dashboard's columns): a dismantled task stays "dismantled" while
 * acceptance is requested or redone; closure by order is its own column.
 */
export const EXIT_TASK_STAGES = ['planned', 'sealed', 'dismantled', 'accepted', 'closed'] as const;
export type ExitTaskStage = (typeof EXIT_TASK_STAGES)[number];
export const EXIT_TASK_STAGE_LABELS: Record<ExitTaskStage, string> = {
  planned: '待退出',
  sealed: '已封存',
  dismantled: '已拆除待验收',
  accepted: '已验收',
  closed: '依令关闭',
};
export const STAGE_OF_STATUS: Record<ExitTaskStatus, ExitTaskStage> = {
  planned: 'planned',
  sealed: 'sealed',
  dismantled: 'dismantled',
  acceptance_requested: 'dismantled',
  rejected: 'dismantled',
  accepted: 'accepted',
  closed: 'closed',
};

/** The task list: every dashboard number links here with the same filters, and `total` equals that number. */
export const ExitTaskFilterQuery = z.object({
  region: z.string().optional(),
  status: z.enum(EXIT_TASK_STATUSES).optional(),
  stage: z.enum(EXIT_TASK_STAGES).optional(),
  industry: z.string().optional(),
  unit: z.string().optional(),
  year: z.coerce.number().int().optional(),
  enterprise: z.coerce.number().int().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /**
   * true: only enterprises registered at `region` itself, not in one of its children (the dashboard's
   * （本级） row); needs `region`.
   */
  ownLevel: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
});
export const ExitTaskQuery = ExitTaskFilterQuery.extend({
  // Sortable by the task number only: the primary key serves it; no other index orders the joined list.
  ...listQueryFields({ id: '任务编号' }, 'id'),
});
export type ExitTaskQuery = z.infer<typeof ExitTaskQuery>;

/**
 * The enterprises behind the dashboard's enterprise counts: those with exit tasks under the filters. Without
 * `finished` the total equals enterprisesPlanned; finished=true equals enterprisesAccepted (every task of the
 * enterprise under the filters accepted or closed by order); finished=false the rest.
 */
export const ExitTaskEnterpriseQuery = ExitTaskQuery.pick({ region: true, industry: true, unit: true, year: true, ownLevel: true, cursor: true, limit: true, pageSize: true }).extend({
  finished: z.enum(['true', 'false']).optional(),
});
export type ExitTaskEnterpriseQuery = z.infer<typeof ExitTaskEnterpriseQuery>;

export const ExitTaskEnterprise = z.object({
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** Its tasks under the filters (the task list with the same filters and `enterprise` has this total). */
  tasks: z.number().int(),
  acceptedOrClosedTasks: z.number().int(),
  /** Every one of those tasks accepted or closed by order. */
  finished: z.boolean(),
  capacityByUnit: z.array(z.object({ unit: z.string(), capacity: z.number() })),
});
export type ExitTaskEnterprise = z.infer<typeof ExitTaskEnterprise>;

export const ExitTaskEnterprisePage = z.object({ items: z.array(ExitTaskEnterprise), nextCursor: z.string().nullable(), total: z.number().int() });
export type ExitTaskEnterprisePage = z.infer<typeof ExitTaskEnterprisePage>;

export const ExitTaskSummary = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  lineId: z.number().int(),
  lineName: z.string(),
  specification: z.string(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** Year of the elimination plan the task came from. */
  year: z.number().int(),
  /** Industry, capacity and unit (code; capacityUnitName for display) as approved in the plan, as the progress picture counts them. */
  industryCode: z.string(),
  industryName: z.string(),
  capacity: z.number(),
  capacityUnit: z.string(),
  capacityUnitName: z.string(),
  status: z.enum(EXIT_TASK_STATUSES),
  stage: z.enum(EXIT_TASK_STAGES),
  exitDeadline: z.string(),
  dismantleDeadline: z.string().nullable(),
  /** Sealed and the dismantling deadline has passed (Beijing date). */
  overdue: z.boolean(),
  /**
   * 剩余 N 个工作日 / 今日到期 / 逾期 N 天 for the deadline that binds now: dismantling when sealed, exit when
   * planned; null once dismantled, accepted or closed.
   */
  deadlineLabel: z.string().nullable(),
  version: z.number().int(),
});
export type ExitTaskSummary = z.infer<typeof ExitTaskSummary>;

export const ExitTaskEvidence = z.object({
  id: z.number().int(),
  kind: z.enum(EVIDENCE_KINDS),
  file: StoredFileInfo,
  /** A photo's EXIF capture time as the camera wrote it (local time), and its GPS position; officials only. */
  takenAt: z.string().nullable(),
  gps: z.object({ lat: z.number(), lng: z.number() }).nullable(),
});
export type ExitTaskEvidence = z.infer<typeof ExitTaskEvidence>;

export const ExitTaskHistoryItem = z.object({
  id: z.number().int(),
  event: z.enum(EXIT_TASK_EVENTS),
  fromStatus: z.enum(EXIT_TASK_STATUSES),
  toStatus: z.enum(EXIT_TASK_STATUSES),
  payload: z.record(z.string(), z.unknown()),
  actorName: z.string(),
  at: z.string(),
});

/** A line registered in another county with the same name and specification (equipment may have moved there). */
/** A line in another county that may be this task's equipment moved there (issue 11 relocation guard), scored 0–100. */
export const RELOCATION_STRENGTHS = ['strong', 'medium', 'weak'] as const;
export const RELOCATION_STRENGTH_LABELS: Record<(typeof RELOCATION_STRENGTHS)[number], string> = { strong: '强', medium: '中', weak: '弱' };
export const ExitTaskDuplicate = z.object({
  lineId: z.number().int(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  lineName: z.string(),
  specification: z.string(),
  score: z.number().int().min(0).max(100),
  strength: z.enum(RELOCATION_STRENGTHS),
  reasons: z.array(z.string()),
});

export const ExitTask = ExitTaskSummary.extend({
  uscc: z.string(),
  legalRepresentative: z.string(),
  seal: z.record(z.string(), z.unknown()).nullable(),
  dismantle: z.record(z.string(), z.unknown()).nullable(),
  rejectReason: z.string().nullable(),
  history: z.array(ExitTaskHistoryItem),
  evidence: z.array(ExitTaskEvidence),
  duplicatesElsewhere: z.array(ExitTaskDuplicate),
  /** Weak matches on a common name/specification only, counted rather than listed. */
  duplicatesCollapsed: z.number().int(),
  availableEvents: z.array(z.enum(EXIT_TASK_EVENTS)),
});
export type ExitTask = z.infer<typeof ExitTask>;

export const ExitTaskPage = z.object({
  items: z.array(z.lazy(() => ExitTaskSummary)),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  page: z.number().int().nullable(),
  pageSize: z.number().int(),
  /** Capacity of the listed tasks per unit (never added across units), so the list shows the number it was opened from. */
  capacityByUnit: z.array(z.object({ unit: z.string(), capacity: z.number() })),
});
export type ExitTaskPage = z.infer<typeof ExitTaskPage>;

export const ExitTaskFromPlanResult = z.object({ created: z.number().int(), tasks: z.array(ExitTaskSummary) });
export type ExitTaskFromPlanResult = z.infer<typeof ExitTaskFromPlanResult>;
