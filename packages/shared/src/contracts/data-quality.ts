import { z } from 'zod';
import { listQueryFields } from './list.ts';

/**
 * 数据质量标记 (issue 10 §3–§4): what the checks at the point of entry accepted only with a stated
 * reason, or found suspicious, raised to the level above. Resolved with a note, never deleted.
 */
export const DATA_QUALITY_KINDS = ['zero_report_explained', 'evidence_reuse', 'photo_time', 'target_over_allocation'] as const;
export type DataQualityKind = (typeof DATA_QUALITY_KINDS)[number];
export const DATA_QUALITY_KIND_LABELS: Record<DataQualityKind, string> = {
  zero_report_explained: '零报告与台账不符（已说明）',
  evidence_reuse: '佐证材料疑似重复使用',
  photo_time: '照片拍摄时间存疑',
  target_over_allocation: '超额分解目标任务',
};

export const DATA_QUALITY_STATUSES = ['open', 'resolved'] as const;
export type DataQualityStatus = (typeof DATA_QUALITY_STATUSES)[number];
export const DATA_QUALITY_STATUS_LABELS: Record<DataQualityStatus, string> = { open: '待处理', resolved: '已处理' };

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
  abilities: z.object({ resolve: z.boolean() }),
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

export const DataQualityResolveBody = z.object({
  note: z.string().trim().min(4, '请填写处理意见（至少4个字）').max(1000, '处理意见不超过1000字'),
});
export type DataQualityResolveBody = z.infer<typeof DataQualityResolveBody>;
