import type {
  EvidenceKind,
  ExitTask,
  ExitTaskEnterprisePage,
  ExitTaskEvidence,
  ExitTaskFromPlanResult,
  ExitTaskPage,
  ExitTaskStatus,
  ExitTaskTransitionBody,
} from '@taotai/shared';
import { api, download } from '../../shared/api.ts';

/** The list's filters, named as in ExitTaskQuery and in the URL (the dashboard links with the same names). */
export const FILTER_KEYS = ['region', 'stage', 'status', 'industry', 'unit', 'year', 'overdue', 'enterprise', 'ownLevel', 'q'] as const;
export type TaskFilters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** The enterprise list's filters (ExitTaskEnterpriseQuery), as in the URL. */
export const ENTERPRISE_FILTER_KEYS = ['region', 'year', 'industry', 'unit', 'finished', 'ownLevel'] as const;
export type EnterpriseFilters = Partial<Record<(typeof ENTERPRISE_FILTER_KEYS)[number], string>>;

export const EXIT_STATUS_COLORS: Record<ExitTaskStatus, string> = {
  planned: 'default',
  sealed: 'orange',
  dismantled: 'blue',
  acceptance_requested: 'processing',
  rejected: 'red',
  accepted: 'green',
  closed: 'purple',
};

export const evidenceUrl = (taskId: number, evidenceId: number, display = false) =>
  `/api/v1/exit-tasks/${taskId}/evidence/${evidenceId}${display ? '?display=true' : ''}`;

export const exitTaskApi = {
  list: (f: TaskFilters, cursor: string | null, limit = 50) => api.get<ExitTaskPage>('/exit-tasks', { ...f, cursor, limit }),
  enterprises: (f: EnterpriseFilters, cursor: string | null, limit = 50) => api.get<ExitTaskEnterprisePage>('/exit-tasks/enterprises', { ...f, cursor, limit }),
  get: (id: number | string) => api.get<ExitTask>(`/exit-tasks/${id}`),
  fromPlan: (planId: number) => api.post<ExitTaskFromPlanResult>(`/exit-tasks/from-plan/${planId}`),
  transition: (id: number, body: ExitTaskTransitionBody) => api.post<ExitTask>(`/exit-tasks/${id}/transitions`, body),
  /** The `kind` field goes first: the server reads it before streaming the file. */
  upload: (id: number, kind: EvidenceKind, file: File) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    return api.upload<ExitTaskEvidence>(`/exit-tasks/${id}/evidence`, form);
  },
  commitmentDocx: (id: number, dismantleDeadline: string | undefined, fallback: string) =>
    download(`/exit-tasks/${id}/commitment.docx`, { dismantleDeadline }, fallback),
};
