import { type EvidenceKind, type ExitTask, type ExitTaskEvent, type ExitTaskStatus, type ExitTaskSummary, STAGE_OF_STATUS } from '@taotai/shared';
import type { WorkingCalendar } from '../../platform/calendar/calendar.ts';
import { presentStoredFile, type StoredFileRow } from '../../platform/files/index.ts';
import type { HistoryRow } from '../../platform/lifecycle/index.ts';
import { isOverdue } from './exit-task.machine.ts';
import type { ExitTaskView } from './exit-task.repository.ts';

/** The deadline that binds now: dismantling once sealed (when one was set), exit while planned; none after. */
function currentDeadline(status: string, exitDeadline: string, dismantleDeadline: string | null): string | null {
  if (status === 'sealed') return dismantleDeadline ?? exitDeadline;
  return status === 'planned' ? exitDeadline : null;
}

export function presentSummary(v: ExitTaskView, today: string, cal: WorkingCalendar): ExitTaskSummary {
  const t = v.task;
  const status = t.status as ExitTaskStatus;
  const due = currentDeadline(status, t.exitDeadline, t.dismantleDeadline);
  return {
    id: t.id,
    planId: t.planId,
    lineId: t.lineId,
    lineName: v.lineName,
    specification: v.specification,
    enterpriseId: t.enterpriseId,
    enterpriseName: v.enterpriseName,
    regionCode: v.regionCode,
    regionName: v.regionName,
    year: v.year,
    industryCode: v.industryCode,
    industryName: v.industryName,
    capacity: Number(v.capacity),
    capacityUnit: v.capacityUnit,
    capacityUnitName: v.capacityUnitName,
    status,
    stage: STAGE_OF_STATUS[status],
    exitDeadline: t.exitDeadline,
    dismantleDeadline: t.dismantleDeadline,
    overdue: isOverdue(t.status, t.dismantleDeadline, today),
    deadlineLabel: due ? cal.describeDeadline(due, today).label : null,
    version: t.version,
  };
}

type EventRow = HistoryRow;

export function presentTask(
  v: ExitTaskView,
  today: string,
  cal: WorkingCalendar,
  parts: {
    events: EventRow[];
    evidence: { id: number; kind: string; file: StoredFileRow; takenAt: string | null; gps: unknown }[];
    duplicates: { shown: ExitTask['duplicatesElsewhere']; collapsed: number };
    availableEvents: ExitTaskEvent[];
  },
): ExitTask {
  return {
    ...presentSummary(v, today, cal),
    uscc: v.uscc,
    legalRepresentative: v.legalRepresentative,
    seal: (v.task.seal as Record<string, unknown> | null) ?? null,
    dismantle: (v.task.dismantle as Record<string, unknown> | null) ?? null,
    rejectReason: v.task.rejectReason,
    history: parts.events.map((e) => ({
      id: e.id,
      event: e.event as ExitTaskEvent,
      fromStatus: (e.fromStatus ?? '') as ExitTaskStatus,
      toStatus: e.toStatus as ExitTaskStatus,
      payload: (e.payload as Record<string, unknown> | null) ?? {},
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
    evidence: parts.evidence.map((e) => ({
      id: e.id,
      kind: e.kind as EvidenceKind,
      file: presentStoredFile(e.file),
      takenAt: e.takenAt,
      gps: (e.gps as { lat: number; lng: number } | null) ?? null,
    })),
    duplicatesElsewhere: parts.duplicates.shown,
    duplicatesCollapsed: parts.duplicates.collapsed,
    availableEvents: parts.availableEvents,
  };
}
