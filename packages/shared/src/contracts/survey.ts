import { z } from 'zod';
import { LineView } from './line-view.ts';
import { CRITERIA, LINE_STATUSES, REGION_LEVELS } from '../enums.ts';
import { Filing } from './filing.ts';

/**
 * A survey filing (摸底排查结果) lists registered lines chosen from the registry, or is an explicit
 * zero report (零报告) when the region found nothing (003 §四(一): silence is not allowed).
 */
/**
 * A zero report while the registry still holds un-eliminated lines in the region is refused (issue 10 §3);
 * the filer may instead explain each such line, which is recorded and flagged to the level above.
 */
export const ZERO_REPORT_REASONS = ['already_eliminated', 'wrongly_registered', 'moved'] as const;
export type ZeroReportReason = (typeof ZERO_REPORT_REASONS)[number];
export const ZERO_REPORT_REASON_LABELS: Record<ZeroReportReason, string> = {
  already_eliminated: '已实际淘汰（台账未更新）',
  wrongly_registered: '属错误登记',
  moved: '已迁出本地区',
};
export const ZeroReportExplanation = z.object({
  lineId: z.number().int(),
  reason: z.enum(ZERO_REPORT_REASONS),
  note: z.string().trim().min(2, '请说明具体情况（至少2个字）').max(500),
});
export type ZeroReportExplanation = z.infer<typeof ZeroReportExplanation>;

export const SurveyFilingBody = z
  .object({
    requirementId: z.number().int(),
    /** Omitted: the current period. */
    periodKey: z.string().optional(),
    zeroReport: z.boolean(),
    /** The zero report's statement, e.g. “经全面排查，本地区无落后产能”. */
    statement: z.string().trim().max(2000).default(''),
    lineIds: z.array(z.number().int()).max(5000).default([]),
    /** A zero report's word on each registry line still un-eliminated in the region. */
    lineExplanations: z.array(ZeroReportExplanation).max(5000).default([]),
    /** Values of the requirement's extra fields, if it has any (e.g. 联系人). */
    values: z.record(z.string(), z.union([z.string().max(5000), z.number()])).default({}),
    note: z.string().trim().max(2000).default(''),
    fileIds: z.array(z.number().int()).max(20).default([]),
  })
  .superRefine((b, ctx) => {
    if (b.zeroReport && b.lineIds.length) ctx.addIssue({ code: 'custom', path: ['lineIds'], message: '零报告不能列出生产线' });
    if (b.zeroReport && b.statement.length < 4) ctx.addIssue({ code: 'custom', path: ['statement'], message: '零报告请填写情况说明（至少4个字）' });
    if (!b.zeroReport && b.lineIds.length === 0) ctx.addIssue({ code: 'custom', path: ['lineIds'], message: '请选择排查登记的生产线，或改为零报告' });
  });
export type SurveyFilingBody = z.infer<typeof SurveyFilingBody>;

export const SurveyResubmitBody = z
  .object({
    zeroReport: z.boolean(),
    statement: z.string().trim().max(2000).default(''),
    lineIds: z.array(z.number().int()).max(5000).default([]),
    /** A zero report's word on each registry line still un-eliminated in the region. */
    lineExplanations: z.array(ZeroReportExplanation).max(5000).default([]),
    /** Values of the requirement's extra fields, if it has any (e.g. 联系人). */
    values: z.record(z.string(), z.union([z.string().max(5000), z.number()])).default({}),
    note: z.string().trim().max(2000).default(''),
    fileIds: z.array(z.number().int()).max(20).default([]),
  })
  .superRefine((b, ctx) => {
    if (b.zeroReport && b.lineIds.length) ctx.addIssue({ code: 'custom', path: ['lineIds'], message: '零报告不能列出生产线' });
    if (b.zeroReport && b.statement.length < 4) ctx.addIssue({ code: 'custom', path: ['statement'], message: '零报告请填写情况说明（至少4个字）' });
    if (!b.zeroReport && b.lineIds.length === 0) ctx.addIssue({ code: 'custom', path: ['lineIds'], message: '请选择排查登记的生产线，或改为零报告' });
  });
export type SurveyResubmitBody = z.infer<typeof SurveyResubmitBody>;

export const VERIFICATION_RESULTS = ['verified', 'not_found', 'discrepancy'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];
export const VERIFICATION_RESULT_LABELS: Record<VerificationResult, string> = {
  verified: '核实无误',
  not_found: '现场未发现',
  discrepancy: '与上报不符',
};

export const CapacityByUnit = z.object({ unitCode: z.string(), unitName: z.string(), capacity: z.number(), lineCount: z.number().int() });
export type CapacityByUnit = z.infer<typeof CapacityByUnit>;

export const SurveyLine = z.object({
  id: z.number().int(),
  revision: z.number().int(),
  lineId: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  lineName: z.string(),
  specification: z.string(),
  capacity: z.number(),
  capacityUnit: z.string(),
  industryCode: z.string(),
  criterion: z.enum(CRITERIA),
  lineStatus: z.enum(LINE_STATUSES),
  /** The latest site verification of this line, if any. */
  verification: z
    .object({
      result: z.enum(VERIFICATION_RESULTS),
      foundCapacity: z.number().nullable(),
      note: z.string(),
      fileIds: z.array(z.number().int()),
      verifiedOn: z.string(),
      verifiedByName: z.string(),
    })
    .nullable(),
});
export type SurveyLine = z.infer<typeof SurveyLine>;

export const SurveyFiling = z.object({
  filing: Filing,
  regionCode: z.string(),
  regionName: z.string(),
  zeroReport: z.boolean(),
  statement: z.string(),
  lineExplanations: z.array(
    ZeroReportExplanation.extend({ enterpriseName: z.string(), lineName: z.string(), capacity: z.number(), capacityUnit: z.string() }),
  ),
  /** Lines of the current revision; earlier revisions are in the filing's history snapshots. */
  lines: z.array(SurveyLine),
  totals: z.array(CapacityByUnit),
  /** Lines the registry holds in the region's reporting subtree now (a zero report with lines here deserves a look). */
  registryLineCount: z.number().int(),
  verifications: z.array(
    z.object({
      id: z.number().int(),
      revision: z.number().int(),
      verifiedOn: z.string(),
      verifiedByName: z.string(),
      outcome: z.enum(['clean', 'returned']),
      itemCount: z.number().int(),
    }),
  ),
  abilities: z.object({ verify: z.boolean(), resubmit: z.boolean() }),
});
export type SurveyFiling = z.infer<typeof SurveyFiling>;

export const CandidateLineQuery = z.object({
  /** The filing region; defaults to the user's own. */
  region: z.string().optional(),
  q: z.string().trim().max(50).optional(),
});
export const CandidateLine = LineView.extend({
  lineStatus: z.enum(LINE_STATUSES),
});
export type CandidateLine = z.infer<typeof CandidateLine>;

export const VerificationBody = z.object({
  /** The date of the visit; defaults to today. */
  verifiedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD').optional(),
  items: z
    .array(
      z.object({
        surveyLineId: z.number().int(),
        result: z.enum(VERIFICATION_RESULTS, { error: '请选择核查结果' }),
        foundCapacity: z.number().min(0, '核查产能不能为负').max(1e8).nullable().default(null),
        note: z.string().trim().max(1000).default(''),
        /** Photos taken on site (stored files uploaded by the same user). */
        fileIds: z.array(z.number().int()).max(20).default([]),
      }),
    )
    .min(1, '请至少核查一条生产线'),
});
export type VerificationBody = z.infer<typeof VerificationBody>;

export const SURVEY_STATES = ['filed', 'zero_report', 'silent'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];
export const SURVEY_STATE_LABELS: Record<SurveyState, string> = { filed: '已报送', zero_report: '零报告', silent: '未报送' };

export const RollupCounts = z.object({
  regions: z.number().int(),
  filed: z.number().int(),
  zeroReport: z.number().int(),
  silent: z.number().int(),
});
export type RollupCounts = z.infer<typeof RollupCounts>;

export interface RollupNode {
  regionCode: string;
  regionName: string;
  level: (typeof REGION_LEVELS)[number];
  /** The region's own survey filing to its reporting parent. */
  own: { state: SurveyState; filingId: number | null; status: string | null; lineCount: number; capacity: CapacityByUnit[] };
  /** Over the direct (reporting) children's own filings: counts, lines and capacity per unit (units never added together). */
  children: RollupCounts & { lineCount: number; capacity: CapacityByUnit[] };
  /** Counts over every region below, at all levels. */
  subtree: RollupCounts;
  /** Whether the region's own lines per unit equal its children's totals (null: no children, or own not filed with lines). */
  matchesChildren: boolean | null;
  /** Expanded down to the requested depth; [] beyond it. */
  nodes: RollupNode[];
}

const RollupNodeBase = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  level: z.enum(REGION_LEVELS),
  own: z.object({
    state: z.enum(SURVEY_STATES),
    filingId: z.number().int().nullable(),
    status: z.string().nullable(),
    lineCount: z.number().int(),
    capacity: z.array(CapacityByUnit),
  }),
  children: RollupCounts.extend({ lineCount: z.number().int(), capacity: z.array(CapacityByUnit) }),
  subtree: RollupCounts,
  matchesChildren: z.boolean().nullable(),
});
export const RollupNodeSchema: z.ZodType<RollupNode> = RollupNodeBase.extend({
  nodes: z.array(z.lazy(() => RollupNodeSchema)),
});

export const RollupQuery = z.object({
  region: z.string().optional(),
  year: z.coerce.number().int().min(2000).max(2100),
  depth: z.coerce.number().int().min(1).max(4).default(1),
});
export const SurveyRollup = z.object({ year: z.number().int(), root: RollupNodeSchema });
export type SurveyRollup = z.infer<typeof SurveyRollup>;
