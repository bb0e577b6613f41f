import { z } from 'zod';
import { listQueryFields } from './list.ts';
import { LineView } from './line-view.ts';
import { UnitTotal } from './common.ts';
import { CRITERIA, LINE_STATUSES } from '../enums.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');
const planYear = z.coerce.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年');

/** 淘汰计划 status: drafted by the region's office, submitted, approved by its group office (or above). */
export const PLAN_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { draft: '草稿', submitted: '已报送', approved: '已批准' };

export const PLAN_EVENTS = ['submit', 'withdraw', 'return', 'approve'] as const;
export type PlanEvent = (typeof PLAN_EVENTS)[number];
export const PLAN_EVENT_LABELS: Record<PlanEvent, string> = { submit: '报送', withdraw: '撤回', return: '退回', approve: '批准' };

/** Capacity per unit: capacities in different units are never added together. */
export const PlanUnitTotal = UnitTotal;
export type PlanUnitTotal = UnitTotal;

export const PlanLine = z.object({
  id: z.number().int(),
  lineId: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  /** Where the enterprise is, below the plan's region (e.g. 巩义市米河镇 in 郑州's plan). */
  regionName: z.string(),
  lineName: z.string(),
  specification: z.string(),
  quantity: z.number().int(),
  industryCode: z.string(),
  industryName: z.string(),
  capacity: z.number(),
  capacityUnit: z.string(),
  capacityUnitName: z.string(),
  criterion: z.enum(CRITERIA),
  basis: z.string(),
  exitDeadline: z.string(),
  /** The line's current registry status; null when the line has since been deleted from the registry. */
  lineStatus: z.enum(LINE_STATUSES).nullable(),
});
export type PlanLine = z.infer<typeof PlanLine>;

export const PlanSummary = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  title: z.string(),
  status: z.enum(PLAN_STATUSES),
  lineCount: z.number().int(),
  totals: z.array(PlanUnitTotal),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanAbilities = z.object({
  update: z.boolean(),
  editLines: z.boolean(),
  delete: z.boolean(),
  submit: z.boolean(),
  withdraw: z.boolean(),
  return: z.boolean(),
  approve: z.boolean(),
  export: z.boolean(),
});

export const Plan = PlanSummary.extend({
  note: z.string(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  lines: z.array(PlanLine),
  abilities: PlanAbilities,
  /** The events this user may fire now (the machine's rows); the transition booleans of `abilities` are derived from it. */
  availableEvents: z.array(z.enum(PLAN_EVENTS)),
});
export type Plan = z.infer<typeof Plan>;

export const PlanFilterQuery = z.object({
  region: z.string().optional(),
  year: planYear.optional(),
  status: z.enum(PLAN_STATUSES).optional(),
});
/** Sortable by region code (then year, newest first): elimination_plan_region_year_uq (region_code, year) serves it. */
export const PlanQuery = PlanFilterQuery.extend(listQueryFields({ regionCode: '区划' }, 'regionCode'));
export type PlanQuery = z.infer<typeof PlanQuery>;

export const PlanCreateBody = z.object({
  regionCode: z.string().min(1, '请选择计划所属区划'),
  year: planYear,
  title: z.string().trim().max(100, '计划名称不超过100字').optional(),
  note: z.string().trim().max(1000, '说明不超过1000字').default(''),
});
export type PlanCreateBody = z.infer<typeof PlanCreateBody>;

export const PlanUpdateBody = z.object({
  title: z.string().trim().min(2, '计划名称至少2个字').max(100, '计划名称不超过100字'),
  note: z.string().trim().max(1000, '说明不超过1000字').default(''),
  version: z.number().int(),
});
export type PlanUpdateBody = z.infer<typeof PlanUpdateBody>;

export const PlanLinesAddBody = z.object({
  version: z.number().int(),
  items: z
    .array(z.object({ lineId: z.number().int().positive(), exitDeadline: isoDate.nullable().default(null) }))
    .min(1, '请选择要列入计划的生产线')
    .max(500, '一次最多列入500条生产线'),
});
export type PlanLinesAddBody = z.infer<typeof PlanLinesAddBody>;

export const PlanLineUpdateBody = z.object({ version: z.number().int(), exitDeadline: isoDate });
export type PlanLineUpdateBody = z.infer<typeof PlanLineUpdateBody>;

export const PlanTransitionBody = z.object({
  event: z.enum(PLAN_EVENTS, { error: '操作应为报送、撤回、退回或批准' }),
  /** Required when returning a plan (why it goes back to the drafter); on approval the optional opinion (审核意见). Kept in the history. */
  reason: z.string().trim().max(500, '原因或审核意见不超过500字').default(''),
});
export type PlanTransitionBody = z.infer<typeof PlanTransitionBody>;

export const PlanLineParams = z.object({ id: z.coerce.number().int().positive(), lineId: z.coerce.number().int().positive() });

/** Lines that may still be put into the plan: in the plan region's subtree, not eliminated, not yet in it. */
export const PlanCandidate = LineView.extend({
  status: z.enum(LINE_STATUSES),
  plannedExitDate: z.string().nullable(),
  /** The line was filed in an accepted survey (摸底排查) of the plan's year or the year before. */
  surveyed: z.boolean(),
});
export type PlanCandidate = z.infer<typeof PlanCandidate>;

/**
 * Where candidates come from: `survey` only lines filed in accepted surveys, `registry` any line in the
 * region; `auto` (default) prefers the survey when the region has such lines, else the registry.
 */
export const PLAN_CANDIDATE_SOURCES = ['auto', 'survey', 'registry'] as const;

export const PlanCandidateQuery = z.object({
  source: z.enum(PLAN_CANDIDATE_SOURCES).default('auto'),
  industry: z.string().optional(),
  q: z.string().trim().max(50).optional(),
  cursor: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type PlanCandidateQuery = z.infer<typeof PlanCandidateQuery>;
export const PlanCandidatePage = z.object({
  items: z.array(PlanCandidate),
  nextCursor: z.number().int().nullable(),
  /** The source the page was drawn from (what `auto` resolved to). */
  source: z.enum(['survey', 'registry']),
});
