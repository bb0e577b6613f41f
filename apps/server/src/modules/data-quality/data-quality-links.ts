import {
  ANNOUNCEMENT_EVENT_LABELS,
  ANNOUNCEMENT_STATUS_LABELS,
  EXIT_TASK_EVENT_LABELS,
  EXIT_TASK_STATUS_LABELS,
  FILING_EVENT_LABELS,
  FILING_STATUS_LABELS,
  INSPECTION_ROUND_EVENT_LABELS,
  INSPECTION_ROUND_STATUS_LABELS,
  PLAN_EVENT_LABELS,
  PLAN_STATUS_LABELS,
} from '@taotai/shared';

/**
 * Drill-down (issue 10 §4): the web page of a flagged record, per entity type. A line has no page of its
 * own: it opens its enterprise's page (the sweep puts `enterpriseId` in the flag's details).
 */
export function recordLink(entityType: string, entityId: number, details: Record<string, unknown>): string | null {
  switch (entityType) {
    case 'target':
      return `/targets/${entityId}`;
    case 'exit_task':
      return `/exit-tasks/${entityId}`;
    case 'filing':
      return `/filings/${entityId}`;
    case 'enterprise':
      return `/enterprises/${entityId}`;
    case 'line':
      return typeof details.enterpriseId === 'number' ? `/enterprises/${details.enterpriseId}` : null;
    case 'elimination_plan':
      return `/elimination-plans/${entityId}`;
    case 'announcement':
      return `/announcements/${entityId}`;
    case 'inspection_round':
      return `/inspections/${entityId}`;
    default:
      return null;
  }
}

type Labels = { status: Readonly<Record<string, string>>; event: Readonly<Record<string, string>> };

/** Records with a lifecycle (lifecycle_history, ADR 0012) and their labels; registry records and targets have none. */
export const HISTORY_LABELS: Readonly<Record<string, Labels>> = {
  exit_task: { status: EXIT_TASK_STATUS_LABELS, event: EXIT_TASK_EVENT_LABELS },
  filing: { status: FILING_STATUS_LABELS, event: FILING_EVENT_LABELS },
  elimination_plan: { status: PLAN_STATUS_LABELS, event: PLAN_EVENT_LABELS },
  announcement: { status: ANNOUNCEMENT_STATUS_LABELS, event: ANNOUNCEMENT_EVENT_LABELS },
  inspection_round: { status: INSPECTION_ROUND_STATUS_LABELS, event: INSPECTION_ROUND_EVENT_LABELS },
};
