import { z } from 'zod';
import { CASE_CRITERIA, CASE_CRITERION_LABELS, CASE_STATUSES, type CaseCriterion, type CaseStatus, RED_CASE_STATUSES, YELLOW_CASE_STATUSES } from '../enforcement-enums.ts';
import { EnterpriseRef } from './common.ts';
import { listQueryFields } from './list.ts';

/**
 * 黄牌/红牌名单 (issue 12; 002 §四(二)): the yellow list is every case under a deadline, the red list every
 * failed case ordered closed, per department ground, read from the non-compliance cases in the caller's scope.
 */
export const LIST_COLOURS = ['yellow', 'red'] as const;
export type ListColour = (typeof LIST_COLOURS)[number];
export const LIST_COLOUR_LABELS: Record<ListColour, string> = { yellow: '黄牌（限期整改）', red: '红牌（责令关闭）' };

export const statusesOfColour = (c: ListColour): readonly CaseStatus[] => (c === 'yellow' ? YELLOW_CASE_STATUSES : RED_CASE_STATUSES);

/** The grounds each department publishes a list for (DOMAIN "Department lists, one by one"; 违法违规 = land). */
export const PUBLISHED_LIST_CRITERIA = ['energy', 'environment', 'quality', 'safety', 'land'] as const satisfies readonly CaseCriterion[];
export type PublishedListCriterion = (typeof PUBLISHED_LIST_CRITERIA)[number];

/**
 * The announcement kinds of the published department lists (colour × ground), published through the
 * announcement machinery (approved, on /public, archived when the next list of the same kind replaces it).
 */
export const DEPARTMENT_LIST_KINDS = [
  'yellow_energy',
  'yellow_environment',
  'yellow_quality',
  'yellow_safety',
  'yellow_land',
  'red_energy',
  'red_environment',
  'red_quality',
  'red_safety',
  'red_land',
] as const satisfies readonly `${ListColour}_${PublishedListCriterion}`[];
export type DepartmentListKind = (typeof DEPARTMENT_LIST_KINDS)[number];

/** The colour and ground of a department list kind; null for the office's own kinds (plan, sealed, completed). */
export function departmentListKindOf(kind: string): { colour: ListColour; criterion: PublishedListCriterion } | null {
  if (!(DEPARTMENT_LIST_KINDS as readonly string[]).includes(kind)) return null;
  const [colour, criterion] = kind.split('_') as [ListColour, PublishedListCriterion];
  return { colour, criterion };
}

const kindLabel = (k: DepartmentListKind) => {
  const { colour, criterion } = departmentListKindOf(k)!;
  return `${CASE_CRITERION_LABELS[criterion]}${colour === 'yellow' ? '限期整改企业名单（黄牌）' : '责令关闭企业名单（红牌）'}`;
};
export const DEPARTMENT_LIST_KIND_LABELS = Object.fromEntries(DEPARTMENT_LIST_KINDS.map((k) => [k, kindLabel(k)])) as Record<DepartmentListKind, string>;

export const DepartmentListFilterQuery = z.object({
  colour: z.enum(LIST_COLOURS, { error: '请选择名单：黄牌（yellow）或红牌（red）' }).default('yellow'),
  criterion: z.enum(CASE_CRITERIA, { error: '不达标类别不正确' }).optional(),
  /** Narrows to a region of the caller's subtree (the enterprise's region); out of scope answers 404. */
  region: z.string().max(12).optional(),
});
/** Sortable by id only (newest first by default): the primary key serves the keyset walk of exports. */
export const DepartmentListQuery = DepartmentListFilterQuery.extend(listQueryFields({ id: '编号' }, '-id'));
export type DepartmentListQuery = z.infer<typeof DepartmentListQuery>;

/** One listed case: the enterprise, its line and capacity, the decision and the deadline in force. */
export const DepartmentListEntry = z.object({
  caseId: z.number().int(),
  colour: z.enum(LIST_COLOURS),
  criterion: z.enum(CASE_CRITERIA),
  status: z.enum(CASE_STATUSES),
  ...EnterpriseRef.shape,
  lineId: z.number().int().nullable(),
  lineName: z.string().nullable(),
  specification: z.string().nullable(),
  capacity: z.number().nullable(),
  capacityUnit: z.string().nullable(),
  unitName: z.string().nullable(),
  agencyId: z.number().int(),
  agencyName: z.string(),
  decisionNo: z.string(),
  servedOn: z.string(),
  deadline: z.string().nullable(),
  closureDecisionNo: z.string().nullable(),
  concludedOn: z.string().nullable(),
  /** Yellow only: the deadline in force has passed (Beijing date). */
  overdue: z.boolean(),
});
export type DepartmentListEntry = z.infer<typeof DepartmentListEntry>;

/**
 * 淘汰计划候选 (issue 12 re-inspection bullet): a line whose case was ordered closed and that is in no
 * elimination plan, with the case as its source; `nextPlan` when this year's plan is already approved.
 */
export const CasePlanCandidate = z.object({
  caseId: z.number().int(),
  criterion: z.enum(CASE_CRITERIA),
  decisionNo: z.string(),
  closureDecisionNo: z.string().nullable(),
  agencyName: z.string(),
  concludedOn: z.string().nullable(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  lineId: z.number().int(),
  lineName: z.string(),
  capacity: z.number(),
  capacityUnit: z.string(),
  unitName: z.string(),
  /** True when this year's plan is approved: the line waits for the next plan. */
  nextPlan: z.boolean(),
});
export type CasePlanCandidate = z.infer<typeof CasePlanCandidate>;
export const CasePlanCandidateQuery = z.object({ region: z.string().min(1, '请选择地区').max(12), year: z.coerce.number().int().min(2000).max(2100) });
export type CasePlanCandidateQuery = z.infer<typeof CasePlanCandidateQuery>;

/** 进度总览 additions: cases by ground and state, listed cases by department (issue 12 "Who sees what"). */
export const CaseCounts = z.object({
  byCriterion: z.array(z.object({ criterion: z.enum(CASE_CRITERIA), status: z.enum(CASE_STATUSES), count: z.number().int() })),
  byAgency: z.array(z.object({ agencyId: z.number().int(), agencyName: z.string(), yellow: z.number().int(), red: z.number().int() })),
});
export type CaseCounts = z.infer<typeof CaseCounts>;
export const CaseCountsQuery = z.object({ region: z.string().max(12).optional() });

/** 违法违规企业处理情况 (the yearly filing), prefilled from the cases: year and region. */
export const CaseTableQuery = z.object({ region: z.string().max(12).optional(), year: z.coerce.number().int().min(2000).max(2100) });
export type CaseTableQuery = z.infer<typeof CaseTableQuery>;
