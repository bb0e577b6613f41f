import type {
  CreateWorkPlanBody,
  CurrentPhase,
  EffectiveWorkPlan,
  UpdateWorkPlanBody,
  WorkPlan,
  WorkPlanSummary,
  WorkPlanTemplateInfo,
} from '@taotai/shared';
import { api } from '../../shared/api.ts';

export const workPlanApi = {
  templates: () => api.get<WorkPlanTemplateInfo[]>('/work-plans/templates'),
  currentPhase: (region?: string) => api.get<CurrentPhase>('/work-plans/current-phase', { region }),
  effective: (year: number, region?: string) => api.get<EffectiveWorkPlan>('/work-plans/effective', { year, region }),
  list: (year: number, region?: string) => api.get<WorkPlanSummary[]>('/work-plans', { year, region }),
  get: (id: number) => api.get<WorkPlan>(`/work-plans/${id}`),
  create: (body: CreateWorkPlanBody) => api.post<WorkPlan>('/work-plans', body),
  update: (id: number, body: UpdateWorkPlanBody) => api.put<WorkPlan>(`/work-plans/${id}`, body),
};

/** A template phase's dates in a given plan year (the 清零行动 ends early in the following year). */
export function templateDate(year: number, p: { monthDay: string; yearOffset: number }): string {
  return `${year + p.yearOffset}-${p.monthDay}`;
}
