import type {
  DecompositionMode,
  LineStatus,
  Target,
  TargetAllocation,
  TargetDecomposition,
  TargetLineItem,
  TargetSummary,
} from '@taotai/shared';
import { fromQ } from '@taotai/shared';
import type { TargetLineView, TargetView } from './target.repository.ts';
import type { TargetFigures } from './target-progress.ts';

export const presentTargetSummary = (t: TargetView): TargetSummary => ({
  id: t.id,
  year: t.year,
  regionCode: t.regionCode,
  regionName: t.regionName,
  parentTargetId: t.parentTargetId,
  issuerRegionCode: t.issuerRegionCode,
  issuerRegionName: t.issuerRegionName,
  industryCode: t.industryCode,
  industryName: t.industryName,
  unitCode: t.unitCode,
  unitName: t.unitName,
  quantity: Number(t.quantity),
  enterpriseCount: t.enterpriseCount,
  deadline: t.deadline,
  source: t.source,
  note: t.note,
  version: t.version,
  updatedAt: t.updatedAt.toISOString(),
  decompositionStatus: t.status as TargetSummary['decompositionStatus'],
});

export const presentAllocation = (c: TargetView, decomposedFurther: boolean): TargetAllocation => ({
  targetId: c.id,
  regionCode: c.regionCode,
  regionName: c.regionName,
  quantity: Number(c.quantity),
  enterpriseCount: c.enterpriseCount,
  deadline: c.deadline,
  decomposedFurther,
});

export const presentTargetLine = (l: TargetLineView & { deadline: string }): TargetLineItem => ({
  lineId: l.lineId,
  enterpriseId: l.enterpriseId,
  enterpriseName: l.enterpriseName,
  uscc: l.uscc,
  regionName: l.regionName,
  lineName: l.lineName,
  specification: l.specification,
  capacity: Number(l.capacity),
  capacityUnit: l.capacityUnit,
  capacityUnitName: l.capacityUnitName,
  status: l.status as LineStatus,
  deadline: l.deadline,
});

export const presentDecomposition = (mode: DecompositionMode, f: TargetFigures): TargetDecomposition => ({
  mode,
  decomposed: fromQ(f.decomposedQ),
  decomposedEnterpriseCount: f.decomposedEnterpriseCount,
  shortfall: f.shortfall,
  shortBy: fromQ(f.shortByQ),
});

export function presentTarget(
  t: TargetView,
  parts: {
    mode: DecompositionMode;
    figures: TargetFigures;
    allocations: TargetAllocation[];
    lines: TargetLineItem[];
    abilities: Target['abilities'];
    availableEvents: Target['availableEvents'];
  },
): Target {
  return {
    ...presentTargetSummary(t),
    decomposition: presentDecomposition(parts.mode, parts.figures),
    allocations: parts.allocations,
    lines: parts.lines,
    abilities: parts.abilities,
    returnReason: t.status === 'returned' ? t.returnReason : null,
    availableEvents: parts.availableEvents,
  };
}
