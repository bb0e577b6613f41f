import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');
const year = z.coerce.number().int().min(2000, '年份不早于2000年').max(2100, '年份不晚于2100年');

/** Built-in phase templates: seed 002 (大洼区2019 default) and seed 003 (河南“清零行动”). */
export const WORK_PLAN_TEMPLATES = ['standard', 'clear_zero'] as const;
export type WorkPlanTemplate = (typeof WORK_PLAN_TEMPLATES)[number];
export const WORK_PLAN_TEMPLATE_LABELS: Record<WorkPlanTemplate, string> = {
  standard: '常规工作方案（摸底排查—组织退出—检查验收）',
  clear_zero: '“清零行动”实施方案（宣传动员—年度排查上报—集中攻坚—检查验收）',
};

/** template: from a built-in template; parent: copied from the upper level's plan; custom: phases typed in. */
export const WORK_PLAN_ORIGINS = ['template', 'parent', 'custom'] as const;
export type WorkPlanOrigin = (typeof WORK_PLAN_ORIGINS)[number];
export const WORK_PLAN_ORIGIN_LABELS: Record<WorkPlanOrigin, string> = {
  template: '按模板制定',
  parent: '依据上级方案制定',
  custom: '自定义',
};

export const WorkPlanTemplatePhase = z.object({
  name: z.string(),
  description: z.string(),
  /** MM-DD, and 0 for the plan's year or 1 for the following year. */
  start: z.object({ monthDay: z.string(), yearOffset: z.number().int() }),
  end: z.object({ monthDay: z.string(), yearOffset: z.number().int() }),
});
export const WorkPlanTemplateInfo = z.object({
  code: z.enum(WORK_PLAN_TEMPLATES),
  name: z.string(),
  source: z.string(),
  phases: z.array(WorkPlanTemplatePhase),
});
export type WorkPlanTemplateInfo = z.infer<typeof WorkPlanTemplateInfo>;

export const WorkPlanPhase = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  name: z.string(),
  description: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  /** In a plan copied from the upper level: the upper phase it narrows, and that phase's range. */
  parentPhaseId: z.number().int().nullable(),
  parentStartDate: z.string().nullable(),
  parentEndDate: z.string().nullable(),
});
export type WorkPlanPhase = z.infer<typeof WorkPlanPhase>;

export const WorkPlan = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  title: z.string(),
  origin: z.enum(WORK_PLAN_ORIGINS),
  template: z.enum(WORK_PLAN_TEMPLATES).nullable(),
  parentPlanId: z.number().int().nullable(),
  parentRegionCode: z.string().nullable(),
  parentRegionName: z.string().nullable(),
  phases: z.array(WorkPlanPhase),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the current user may do: update = change title and phase dates (the region's own office). */
  abilities: z.object({ update: z.boolean() }),
});
export type WorkPlan = z.infer<typeof WorkPlan>;

export const WorkPlanSummary = WorkPlan.omit({ phases: true }).extend({ phaseCount: z.number().int() });
export type WorkPlanSummary = z.infer<typeof WorkPlanSummary>;

const PhaseInput = z.object({
  name: z.string().trim().min(1, '请填写阶段名称').max(40, '阶段名称不超过40字'),
  description: z.string().trim().max(500).default(''),
  startDate: isoDate,
  endDate: isoDate,
});

/** Dates of one phase in a plan copied from the upper level (names follow the upper plan). */
const CopiedPhaseInput = z.object({ parentPhaseId: z.number().int(), startDate: isoDate, endDate: isoDate });

export const CreateWorkPlanBody = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('template'),
    /** Defaults to the user's own region. */
    regionCode: z.string().optional(),
    year,
    title: z.string().trim().max(100).optional(),
    template: z.enum(WORK_PLAN_TEMPLATES, { error: '请选择方案模板' }),
  }),
  z.object({
    source: z.literal('parent'),
    regionCode: z.string().optional(),
    year,
    title: z.string().trim().max(100).optional(),
    /** Tightened dates; phases left out keep the upper level's range. */
    phases: z.array(CopiedPhaseInput).default([]),
  }),
  z.object({
    source: z.literal('custom'),
    regionCode: z.string().optional(),
    year,
    title: z.string().trim().min(1, '请填写方案名称').max(100),
    phases: z.array(PhaseInput).min(1, '请至少填写一个阶段'),
  }),
]);
export type CreateWorkPlanBody = z.infer<typeof CreateWorkPlanBody>;

/**
 * Replaces the phases. In a plan copied from the upper level every phase must be listed by id
 * (names are the upper level's; only dates may change, within the upper phase).
 */
export const UpdateWorkPlanBody = z.object({
  version: z.number().int(),
  title: z.string().trim().min(1, '请填写方案名称').max(100),
  phases: z.array(PhaseInput.extend({ id: z.number().int().optional() })).min(1, '请至少填写一个阶段'),
});
export type UpdateWorkPlanBody = z.infer<typeof UpdateWorkPlanBody>;

export const WorkPlanQuery = z.object({
  region: z.string().optional(),
  year: year.optional(),
});

export const EffectivePlanQuery = z.object({
  /** Defaults to the user's region. */
  region: z.string().optional(),
  year: year.optional(),
});

/** The plan that governs a region: its own, or the nearest upper level's along the reporting chain. */
export const EffectiveWorkPlan = z.object({
  regionCode: z.string(),
  inherited: z.boolean(),
  plan: WorkPlan.nullable(),
});
export type EffectiveWorkPlan = z.infer<typeof EffectiveWorkPlan>;

export const CurrentPhaseQuery = z.object({
  region: z.string().optional(),
  /** Defaults to today (Beijing). */
  date: isoDate.optional(),
});

export const CurrentPhase = z.object({
  regionCode: z.string(),
  date: z.string(),
  /** in_phase: the date lies in a phase; between: after one phase, before the next; before / after: outside the plan. */
  state: z.enum(['in_phase', 'between', 'before', 'after', 'no_plan']),
  planId: z.number().int().nullable(),
  planRegionCode: z.string().nullable(),
  planRegionName: z.string().nullable(),
  /** True when the plan is an upper level's (the region has none of its own). */
  inherited: z.boolean(),
  phase: z.object({ id: z.number().int(), name: z.string(), startDate: z.string(), endDate: z.string() }).nullable(),
  nextPhase: z.object({ id: z.number().int(), name: z.string(), startDate: z.string(), endDate: z.string() }).nullable(),
  workingDaysLeft: z.number().int().nullable(),
  /** 剩余 N 个工作日 / 今日到期 (for the current phase), or a sentence for the other states. */
  label: z.string(),
});
export type CurrentPhase = z.infer<typeof CurrentPhase>;
