import { z } from 'zod';
import { listQueryFields } from './list.ts';

/**
 * 数据质量标记 (issue 10 §3–§4): what the checks at the point of entry accepted only with a stated
 * reason, or found suspicious, raised to the level above. Resolved with a note, never deleted.
 */
export const DATA_QUALITY_KINDS = [
  'zero_report_explained',
  'evidence_reuse',
  'photo_time',
  'target_over_allocation',
  // Found by the sweep (重新检查 and the daily job; ADR 0018), resolved by it when they disappear.
  'reconciliation_mismatch',
  'enterprise_without_lines',
  'line_without_basis',
  'capacity_outlier',
  'duplicate_enterprise',
  // 002 §二(一)6 (issue 12): a stopped line past its deadline, neither rectified nor in a plan.
  'stopped_line_unresolved',
  // Issue 13: a substantiated tip found equipment moved elsewhere (raised from the tip's link).
  'tip_relocation',
] as const;
/** Kinds the sweep raises and resolves by itself; the others are raised at the point of entry. */
export const DATA_QUALITY_SWEPT_KINDS = [
  'reconciliation_mismatch',
  'enterprise_without_lines',
  'line_without_basis',
  'capacity_outlier',
  'duplicate_enterprise',
  'stopped_line_unresolved',
] as const;
export type DataQualitySweptKind = (typeof DATA_QUALITY_SWEPT_KINDS)[number];
export type DataQualityKind = (typeof DATA_QUALITY_KINDS)[number];
export const DATA_QUALITY_KIND_LABELS: Record<DataQualityKind, string> = {
  zero_report_explained: '零报告与台账不符（已说明）',
  evidence_reuse: '佐证材料疑似重复使用',
  photo_time: '照片拍摄时间存疑',
  target_over_allocation: '超额分解目标任务',
  reconciliation_mismatch: '上下级数据不一致',
  enterprise_without_lines: '企业无生产线',
  line_without_basis: '生产线无判定依据',
  capacity_outlier: '产能异常',
  duplicate_enterprise: '疑似重复企业',
  stopped_line_unresolved: '停产产能逾期未整改或未列入计划',
  tip_relocation: '举报核实：淘汰设备疑似转移异地',
};

export const DATA_QUALITY_STATUSES = ['open', 'resolved'] as const;
export type DataQualityStatus = (typeof DATA_QUALITY_STATUSES)[number];
export const DATA_QUALITY_STATUS_LABELS: Record<DataQualityStatus, string> = { open: '待处理', resolved: '已处理' };
export const DATA_QUALITY_EVENTS = ['resolve', 'auto_resolve'] as const;
export type DataQualityEvent = (typeof DATA_QUALITY_EVENTS)[number];
export const DATA_QUALITY_EVENT_LABELS: Record<DataQualityEvent, string> = { resolve: '处理', auto_resolve: '系统复查自动处理' };

export const DataQualityFlag = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.enum(DATA_QUALITY_KINDS),
  entityType: z.string(),
  entityId: z.number().int(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
  raisedByName: z.string().nullable(),
  raisedAt: z.string(),
  status: z.enum(DATA_QUALITY_STATUSES),
  resolvedByName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  /** The web page of the flagged record (drill-down), or null when it has none. */
  link: z.string().nullable(),
  /** Whether the record keeps a lifecycle history (GET …/flags/:id/history). */
  hasHistory: z.boolean(),
  abilities: z.object({ resolve: z.boolean() }),
  /** Events the current user may fire now (from the lifecycle machine). */
  availableEvents: z.array(z.enum(DATA_QUALITY_EVENTS)),
});
export type DataQualityFlag = z.infer<typeof DataQualityFlag>;

export const DataQualityFilterQuery = z.object({
  /** A region in the caller's scope; its flags and those of every region below it. Default: the caller's region. */
  region: z.string().optional(),
  kind: z.enum(DATA_QUALITY_KINDS).optional(),
  status: z.enum(DATA_QUALITY_STATUSES).optional(),
});
/** Sortable by id only: the (scope column, id) indexes data_quality_flag_*_idx serve both directions. */
export const DataQualityQuery = DataQualityFilterQuery.extend(listQueryFields({ id: '编号' }, '-id'));
export type DataQualityQuery = z.infer<typeof DataQualityQuery>;

export const DataQualityPage = z.object({
  items: z.array(DataQualityFlag),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  page: z.number().int().nullable(),
  pageSize: z.number().int(),
});
export type DataQualityPage = z.infer<typeof DataQualityPage>;

/** Open and resolved flags of a region's subtree, and per child region (the rollup of the region tree). */
export const DataQualityCounts = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  open: z.number().int(),
  resolved: z.number().int(),
  byKind: z.array(z.object({ kind: z.enum(DATA_QUALITY_KINDS), open: z.number().int(), resolved: z.number().int() })),
  children: z.array(z.object({ regionCode: z.string(), regionName: z.string(), open: z.number().int(), resolved: z.number().int() })),
});
export type DataQualityCounts = z.infer<typeof DataQualityCounts>;

export const DataQualityCountsQuery = z.object({ region: z.string().optional() });

/** What one run of the sweep did in the caller's region (重新检查). */
export const DataQualityRecheckResult = z.object({
  regionCode: z.string(),
  raised: z.number().int(),
  resolved: z.number().int(),
  stillOpen: z.number().int(),
});
export type DataQualityRecheckResult = z.infer<typeof DataQualityRecheckResult>;
export const DataQualityRecheckBody = z.object({ region: z.string().optional() });

export const DataQualityResolveBody = z.object({
  note: z.string().trim().min(4, '请填写处理意见（至少4个字）').max(1000, '处理意见不超过1000字'),
});
export type DataQualityResolveBody = z.infer<typeof DataQualityResolveBody>;
