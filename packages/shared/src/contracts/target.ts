import { z } from 'zod';
import { LINE_STATUSES } from '../enums.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');
const targetYear = z.coerce.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年');
const targetQuantity = z.number({ error: '目标产能应为数字' }).positive('目标产能应大于0').max(1e8, '目标产能数值过大');
const enterpriseCount = z.number().int('企业数应为整数').min(0, '企业数不能为负').nullable().default(null);

/** How a target is decomposed: above county level to the regions below, at county level to named lines. */
export const DECOMPOSITION_MODES = ['regions', 'lines'] as const;
export type DecompositionMode = (typeof DECOMPOSITION_MODES)[number];

/**
 * The decomposition's approval (issue 10 §2): the region's office submits how it split its target, the level
 * above approves or returns it (省直管县: the province), never the submitter. `reopen` is fired by editing an
 * approved decomposition (it goes back to draft and must be approved again); it is no button of its own.
 */
export const TARGET_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = { draft: '未报送', submitted: '待审批', approved: '已批准', returned: '已退回' };

export const TARGET_EVENTS = ['submit', 'return', 'approve', 'reopen'] as const;
export type TargetEvent = (typeof TARGET_EVENTS)[number];
export const TARGET_EVENT_LABELS: Record<TargetEvent, string> = { submit: '报送分解', return: '退回', approve: '批准', reopen: '重新分解' };
/** The events a user fires through the transition route (`reopen` only happens by editing). */
export const TARGET_USER_EVENTS = ['submit', 'return', 'approve'] as const;

export const TargetTransitionBody = z.object({
  event: z.enum(TARGET_USER_EVENTS, { error: '操作应为报送分解、退回或批准' }),
  /** Required when returning (what to correct); on approval the optional opinion (审核意见). Kept in the history. */
  reason: z.string().trim().max(500, '原因或审核意见不超过500字').default(''),
});
export type TargetTransitionBody = z.infer<typeof TargetTransitionBody>;

/** A target received from above and entered by the region's own office (the province's from the state). */
export const TargetCreateBody = z.object({
  regionCode: z.string().min(1, '请选择区划'),
  year: targetYear,
  industryCode: z.string().min(1, '请选择行业'),
  unitCode: z.string().min(1, '请选择产能单位'),
  quantity: targetQuantity,
  enterpriseCount,
  /** Defaults to 31 December of the year. */
  deadline: isoDate.nullable().default(null),
  source: z.string().trim().max(200, '来源（文号）不超过200字').default(''),
  note: z.string().trim().max(500, '备注不超过500字').default(''),
});
export type TargetCreateBody = z.infer<typeof TargetCreateBody>;

export const TargetUpdateBody = z.object({
  quantity: targetQuantity,
  enterpriseCount,
  deadline: isoDate,
  source: z.string().trim().max(200, '来源（文号）不超过200字').default(''),
  note: z.string().trim().max(500, '备注不超过500字').default(''),
  version: z.number().int(),
});
export type TargetUpdateBody = z.infer<typeof TargetUpdateBody>;

/** Replaces the set of child-region targets of a target (regions missing from `items` lose theirs). */
export const TargetAllocationsBody = z.object({
  version: z.number().int(),
  items: z
    .array(
      z.object({
        regionCode: z.string().min(1, '请选择下级区划'),
        quantity: targetQuantity,
        enterpriseCount,
        /** Defaults to the parent target's deadline. */
        deadline: isoDate.nullable().default(null),
      }),
    )
    .max(300),
  /**
   * 超额分解: children adding up to more than the target are refused unless marked so with a reason —
   * stricter local targets are legitimate (000 §二(一)) — and then flagged to the level above.
   */
  overAllocationReason: z.string().trim().min(4, '超额分解请说明理由（至少4个字）').max(500, '理由不超过500字').nullable().default(null),
});
export type TargetAllocationsBody = z.infer<typeof TargetAllocationsBody>;

/** Replaces the named lines of a county target. */
export const TargetLinesBody = z.object({
  version: z.number().int(),
  items: z
    .array(z.object({ lineId: z.number().int().positive(), deadline: isoDate.nullable().default(null) }))
    .max(2000, '一次最多分解到2000条生产线'),
});
export type TargetLinesBody = z.infer<typeof TargetLinesBody>;

export const TargetAllocation = z.object({
  targetId: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  quantity: z.number(),
  enterpriseCount: z.number().int().nullable(),
  deadline: z.string(),
  /** The child has decomposed it further (it can then no longer be taken away). */
  decomposedFurther: z.boolean(),
});
export type TargetAllocation = z.infer<typeof TargetAllocation>;

export const TargetLineItem = z.object({
  lineId: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  uscc: z.string(),
  regionName: z.string(),
  lineName: z.string(),
  specification: z.string(),
  capacity: z.number(),
  capacityUnit: z.string(),
  capacityUnitName: z.string(),
  status: z.enum(LINE_STATUSES),
  deadline: z.string(),
});
export type TargetLineItem = z.infer<typeof TargetLineItem>;

/** Decomposition against the target: `shortfall` when what was decomposed adds up to less than the target. */
export const TargetDecomposition = z.object({
  mode: z.enum(DECOMPOSITION_MODES),
  decomposed: z.number(),
  decomposedEnterpriseCount: z.number().int().nullable(),
  shortfall: z.boolean(),
  shortBy: z.number(),
});
export type TargetDecomposition = z.infer<typeof TargetDecomposition>;

export const TargetSummary = z.object({
  id: z.number().int(),
  year: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  parentTargetId: z.number().int().nullable(),
  /** Region whose office decomposed it to this region; null for a target entered as received. */
  issuerRegionCode: z.string().nullable(),
  issuerRegionName: z.string().nullable(),
  industryCode: z.string(),
  industryName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  quantity: z.number(),
  enterpriseCount: z.number().int().nullable(),
  deadline: z.string(),
  source: z.string(),
  note: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** Where its decomposition stands: 待审批 until the level above approves it. */
  decompositionStatus: z.enum(TARGET_STATUSES),
});
export type TargetSummary = z.infer<typeof TargetSummary>;

export const Target = TargetSummary.extend({
  decomposition: TargetDecomposition,
  allocations: z.array(TargetAllocation),
  lines: z.array(TargetLineItem),
  abilities: z.object({ update: z.boolean(), delete: z.boolean(), decompose: z.boolean() }),
  /** Why the level above returned the decomposition (while returned). */
  returnReason: z.string().nullable(),
  availableEvents: z.array(z.enum(TARGET_USER_EVENTS)),
});
export type Target = z.infer<typeof Target>;

export const TargetQuery = z.object({
  region: z.string().optional(),
  year: targetYear.optional(),
  industry: z.string().optional(),
  /** `true`: the region's targets and those of every region below it. */
  subtree: z.enum(['true', 'false']).default('false'),
});
export type TargetQuery = z.infer<typeof TargetQuery>;

/** A region the target may be decomposed to, with what it has now. */
export const TargetChildRegion = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  directlyAdministered: z.boolean(),
  targetId: z.number().int().nullable(),
  quantity: z.number().nullable(),
  /** Set when the region already has a target of this industry and year from elsewhere. */
  blockedBy: z.string().nullable(),
});
export type TargetChildRegion = z.infer<typeof TargetChildRegion>;

export const TargetLineCandidateQuery = z.object({
  q: z.string().trim().max(50).optional(),
  cursor: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const TargetLineCandidate = TargetLineItem.omit({ deadline: true }).extend({ plannedExitDate: z.string().nullable() });
export type TargetLineCandidate = z.infer<typeof TargetLineCandidate>;
export const TargetLineCandidatePage = z.object({ items: z.array(TargetLineCandidate), nextCursor: z.number().int().nullable() });

export const ProgressQuery = z.object({ region: z.string().min(1, '请选择区划'), year: targetYear });
export type ProgressQuery = z.infer<typeof ProgressQuery>;

const progressFigures = {
  target: z.number(),
  covered: z.number(),
  eliminated: z.number(),
  /** eliminated ÷ target, e.g. 1.3665; null when the target is 0. */
  completionRate: z.number().nullable(),
  /** The rate as shown: one decimal, e.g. "136.7%". */
  completionRateText: z.string(),
};

export const ProgressChild = z.object({
  targetId: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  ...progressFigures,
  decomposed: z.number(),
  shortfall: z.boolean(),
});
export type ProgressChild = z.infer<typeof ProgressChild>;

/** One industry (and so one unit) of a region's targets for a year. */
export const ProgressRow = z.object({
  targetId: z.number().int(),
  industryCode: z.string(),
  industryName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  ...progressFigures,
  enterpriseCount: z.number().int().nullable(),
  mode: z.enum(DECOMPOSITION_MODES),
  decomposed: z.number(),
  decomposedEnterpriseCount: z.number().int().nullable(),
  shortfall: z.boolean(),
  shortBy: z.number(),
  coveredEnterprises: z.number().int(),
  eliminatedEnterprises: z.number().int(),
  children: z.array(ProgressChild),
});
export type ProgressRow = z.infer<typeof ProgressRow>;

/** Totals per unit over the region's industries; never across units. */
export const ProgressUnitTotal = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  ...progressFigures,
  decomposed: z.number(),
});
export type ProgressUnitTotal = z.infer<typeof ProgressUnitTotal>;

export const TargetProgress = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  rows: z.array(ProgressRow),
  totals: z.array(ProgressUnitTotal),
});
export type TargetProgress = z.infer<typeof TargetProgress>;
