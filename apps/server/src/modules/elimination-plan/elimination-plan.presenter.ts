import type { Criterion, LineStatus, Plan, PlanCandidate, PlanLine, PlanStatus, PlanSummary } from '@taotai/shared';
import type { LineSource, PlanLineSnapshot, PlanLineView, PlanView } from './elimination-plan.repository.ts';
import { relativeRegionName, totalsPerUnit } from './plan-totals.ts';

export const snapshotOf = (l: { snapshot: unknown }) => l.snapshot as PlanLineSnapshot;

export function presentPlanLine(l: PlanLineView, planDepth: number): PlanLine {
  const s = snapshotOf(l);
  return {
    id: l.id,
    lineId: l.lineId,
    enterpriseId: l.enterpriseId,
    enterpriseName: s.enterpriseName,
    uscc: s.uscc,
    regionCode: s.regionCode,
    regionName: relativeRegionName(s.regionFullName, planDepth),
    lineName: s.lineName,
    specification: s.specification,
    quantity: s.quantity,
    industryCode: l.industryCode,
    industryName: s.industryName,
    capacity: Number(l.capacity),
    capacityUnit: l.capacityUnit,
    capacityUnitName: s.unitName,
    criterion: s.criterion as Criterion,
    basis: s.basis,
    exitDeadline: l.exitDeadline,
    lineStatus: l.lineStatus as LineStatus | null,
  };
}

export const planTotals = (lines: readonly PlanLineView[]) =>
  totalsPerUnit(lines.map((l) => ({ capacityUnit: l.capacityUnit, unitName: snapshotOf(l).unitName, capacity: l.capacity, enterpriseId: l.enterpriseId })));

export function presentPlanSummary(p: PlanView, totals: PlanSummary['totals'], lineCount: number): PlanSummary {
  return {
    id: p.id,
    regionCode: p.regionCode,
    regionName: p.regionName,
    year: p.year,
    title: p.title,
    status: p.status as PlanStatus,
    lineCount,
    totals,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentPlan(p: PlanView, lines: PlanLineView[], a: Pick<Plan, 'abilities' | 'availableEvents'>): Plan {
  return {
    ...presentPlanSummary(p, planTotals(lines), lines.length),
    note: p.note,
    returnReason: p.returnReason,
    submittedAt: p.submittedAt?.toISOString() ?? null,
    approvedAt: p.approvedAt?.toISOString() ?? null,
    lines: lines.map((l) => presentPlanLine(l, p.regionDepth)),
    abilities: a.abilities,
    availableEvents: a.availableEvents,
  };
}

export const presentCandidate = (s: LineSource, planDepth: number, surveyed: boolean): PlanCandidate => ({
  lineId: s.lineId,
  enterpriseId: s.enterpriseId,
  enterpriseName: s.snapshot.enterpriseName,
  uscc: s.snapshot.uscc,
  regionCode: s.snapshot.regionCode,
  regionName: relativeRegionName(s.snapshot.regionFullName, planDepth),
  lineName: s.snapshot.lineName,
  specification: s.snapshot.specification,
  capacity: Number(s.capacity),
  capacityUnit: s.capacityUnit,
  capacityUnitName: s.snapshot.unitName,
  industryCode: s.industryCode,
  industryName: s.snapshot.industryName,
  criterion: s.snapshot.criterion as Criterion,
  status: s.status as LineStatus,
  plannedExitDate: s.plannedExitDate,
  surveyed,
});
