import type {
  Filing,
  FilingAudience,
  FilingEvent,
  FilingKind,
  FilingPeriod,
  FilingRequirement,
  FilingRequirementSummary,
  FilingStatus,
  FilingSummary,
  FilingTarget,
  Recurrence,
  RequiredField,
} from '@taotai/shared';
import { presentStoredFile, type StoredFileRow } from '../../platform/files/index.ts';
import type { RequirementRelation } from './filing.policy.ts';
import type { HistoryRow } from '../../platform/lifecycle/index.ts';
import type { FilingRow } from './filing.repository.ts';
import type { DuePeriod } from './periods.ts';
import { dueRuleOf } from './requirement-context.ts';
import type { RequirementView, TargetRow } from './requirement.repository.ts';

export const presentPeriod = (p: DuePeriod): FilingPeriod => ({ key: p.key, label: p.label, start: p.start, end: p.end, dueDate: p.dueDate, dueProvisional: p.dueProvisional ?? false });

export const presentTarget = (t: TargetRow): FilingTarget => ({ id: t.id, regionCode: t.regionCode, agencyId: t.agencyId, name: t.name });

export interface SummaryFacts {
  current: DuePeriod;
  targetCount: number;
  filedCount: number;
  myFiling: FilingRow | null;
  relation: RequirementRelation;
  deadlineLabel: string;
}

export const presentRequirementSummary = (r: RequirementView, f: SummaryFacts): FilingRequirementSummary => ({
  id: r.id,
  kind: r.kind as FilingKind,
  title: r.title,
  year: r.year,
  issuerRegionCode: r.issuerRegionCode,
  issuerRegionName: r.issuerRegionName,
  issuerAgencyName: r.issuerAgencyName,
  audience: r.audience as FilingAudience,
  recurrence: r.recurrence as Recurrence,
  currentPeriod: presentPeriod(f.current),
  targetCount: f.targetCount,
  filedCount: f.filedCount,
  myFiling: f.myFiling ? { id: f.myFiling.id, status: f.myFiling.status as FilingStatus, lateWorkingDays: f.myFiling.lateWorkingDays } : null,
  relation: f.relation,
  deadlineLabel: f.deadlineLabel,
});

export const presentRequirement = (
  r: RequirementView,
  f: SummaryFacts & { periods: DuePeriod[]; targets: TargetRow[]; myTarget: TargetRow | null },
): FilingRequirement => ({
  ...presentRequirementSummary(r, f),
  description: r.description,
  due: dueRuleOf(r),
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  requiredFields: r.requiredFields as RequiredField[],
  attachmentRequired: r.attachmentRequired,
  remindDaysBefore: r.remindDaysBefore,
  issuedOn: r.issuedOn,
  // An addressed unit sees itself only, not the other units' names.
  targets: (f.relation === 'filer' ? (f.myTarget ? [f.myTarget] : []) : f.targets).map(presentTarget),
  periods: f.periods.map(presentPeriod),
  myTarget: f.myTarget ? presentTarget(f.myTarget) : null,
  version: r.version,
  abilities: {
    update: f.relation === 'issuer',
    file: f.relation === 'filer' && !f.myFiling,
    viewFilings: f.relation !== 'filer',
  },
});

export const presentFilingSummary = (
  f: FilingRow,
  r: Pick<RequirementView, 'title' | 'kind'>,
  target: TargetRow,
  periodLabel: string,
  availableEvents: FilingEvent[],
): FilingSummary => ({
  id: f.id,
  requirementId: f.requirementId,
  requirementTitle: r.title,
  kind: r.kind as FilingKind,
  periodKey: f.periodKey,
  periodLabel,
  year: f.year,
  target: presentTarget(target),
  status: f.status as FilingStatus,
  revision: f.revision,
  note: f.note,
  fileIds: f.fileIds as number[],
  dueDate: f.dueDate,
  dueProvisional: f.dueProvisional,
  submittedDate: f.submittedDate,
  lateWorkingDays: f.lateWorkingDays,
  onTime: f.lateWorkingDays === 0,
  submittedAt: f.submittedAt.toISOString(),
  lastSubmittedAt: f.lastSubmittedAt.toISOString(),
  returnReason: f.returnReason,
  version: f.version,
  availableEvents,
});

export const presentFiling = (
  f: FilingRow,
  r: Pick<RequirementView, 'title' | 'kind'>,
  target: TargetRow,
  periodLabel: string,
  availableEvents: FilingEvent[],
  events: HistoryRow[],
  attachments: StoredFileRow[],
): Filing => ({
  ...presentFilingSummary(f, r, target, periodLabel, availableEvents),
  attachments: attachments.map(presentStoredFile),
  values: f.fieldValues as Record<string, string | number>,
  // The lifecycle history keeps the revision and what was submitted in its payload (ADR 0012).
  history: events.map((e) => {
    const p = (e.payload ?? {}) as { revision?: number; snapshot?: unknown };
    return {
      id: e.id,
      event: e.event as FilingEvent,
      fromStatus: e.fromStatus as FilingStatus | null,
      toStatus: e.toStatus as FilingStatus,
      revision: p.revision ?? f.revision,
      actorName: e.actorName,
      at: e.at.toISOString(),
      reason: e.reason,
      snapshot: p.snapshot ?? null,
    };
  }),
});
