import type { EvidenceKind, ExitTask, ExitTaskEvent, ExitTaskStatus, ExitTaskSummary } from '@taotai/shared';
import type { exitTaskEvent } from '../../db/schema/index.ts';
import { presentStoredFile, type StoredFileRow } from '../../platform/files/index.ts';
import { isOverdue } from './exit-task.machine.ts';
import type { ExitTaskView } from './exit-task.repository.ts';

export function presentSummary(v: ExitTaskView, today: string): ExitTaskSummary {
  const t = v.task;
  return {
    id: t.id,
    planId: t.planId,
    lineId: t.lineId,
    lineName: v.lineName,
    specification: v.specification,
    enterpriseId: t.enterpriseId,
    enterpriseName: v.enterpriseName,
    regionCode: v.regionCode,
    status: t.status as ExitTaskStatus,
    exitDeadline: t.exitDeadline,
    dismantleDeadline: t.dismantleDeadline,
    overdue: isOverdue(t.status, t.dismantleDeadline, today),
    version: t.version,
  };
}

type EventRow = typeof exitTaskEvent.$inferSelect;

export function presentTask(
  v: ExitTaskView,
  today: string,
  parts: {
    events: EventRow[];
    evidence: { id: number; kind: string; file: StoredFileRow }[];
    duplicates: ExitTask['duplicatesElsewhere'];
    availableEvents: ExitTaskEvent[];
  },
): ExitTask {
  return {
    ...presentSummary(v, today),
    seal: (v.task.seal as Record<string, unknown> | null) ?? null,
    dismantle: (v.task.dismantle as Record<string, unknown> | null) ?? null,
    rejectReason: v.task.rejectReason,
    history: parts.events.map((e) => ({
      id: e.id,
      event: e.event as ExitTaskEvent,
      fromStatus: e.fromStatus as ExitTaskStatus,
      toStatus: e.toStatus as ExitTaskStatus,
      payload: e.payload as Record<string, unknown>,
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
    evidence: parts.evidence.map((e) => ({ id: e.id, kind: e.kind as EvidenceKind, file: presentStoredFile(e.file) })),
    duplicatesElsewhere: parts.duplicates,
    availableEvents: parts.availableEvents,
  };
}
