import type { WorkPlan, WorkPlanOrigin, WorkPlanSummary, WorkPlanTemplate } from '@taotai/shared';
import type { PhaseRow, WorkPlanView } from './work-plan.repository.ts';

export interface ParentInfo {
  regionCode: string;
  regionName: string;
  phases: Map<number, PhaseRow>;
}

const base = (p: WorkPlanView, parent: ParentInfo | null, canUpdate: boolean) => ({
  id: p.id,
  regionCode: p.regionCode,
  regionName: p.regionName,
  year: p.year,
  title: p.title,
  origin: p.origin as WorkPlanOrigin,
  template: p.template as WorkPlanTemplate | null,
  parentPlanId: p.parentPlanId,
  parentRegionCode: parent?.regionCode ?? null,
  parentRegionName: parent?.regionName ?? null,
  version: p.version,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
  abilities: { update: canUpdate },
});

export const presentWorkPlan = (p: WorkPlanView, phases: PhaseRow[], parent: ParentInfo | null, canUpdate: boolean): WorkPlan => ({
  ...base(p, parent, canUpdate),
  phases: phases.map((ph) => {
    const up = ph.parentPhaseId ? parent?.phases.get(ph.parentPhaseId) : undefined;
    return {
      id: ph.id,
      seq: ph.seq,
      name: ph.name,
      description: ph.description,
      startDate: ph.startDate,
      endDate: ph.endDate,
      parentPhaseId: ph.parentPhaseId,
      parentStartDate: up?.startDate ?? null,
      parentEndDate: up?.endDate ?? null,
    };
  }),
});

export const presentWorkPlanSummary = (
  p: WorkPlanView,
  phaseCount: number,
  parent: { regionCode: string; regionName: string } | null,
  canUpdate: boolean,
): WorkPlanSummary => ({
  ...base(p, parent ? { ...parent, phases: new Map() } : null, canUpdate),
  phaseCount,
});
