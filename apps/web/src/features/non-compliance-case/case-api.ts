import type {
  Case,
  CaseCreateBody,
  CaseDesk,
  CaseExtensionBody,
  CaseReinspectionBody,
  CaseStatus,
  CaseSummary,
  ListPage,
} from '@taotai/shared';
import { api, type Query } from '../../shared/api.ts';

/** Yellow while under a deadline, red once ordered closed; green when rectified. */
export const CASE_STATUS_COLORS: Record<CaseStatus, string> = {
  rectifying: 'orange',
  restricted: 'orange',
  suspended: 'orange',
  stopped: 'volcano',
  rectified: 'green',
  closure_ordered: 'red',
  withdrawn: 'default',
};

export const caseApi = {
  list: (q: Query) => api.get<ListPage<CaseSummary>>('/cases', q),
  get: (id: number | string) => api.get<Case>(`/cases/${id}`),
  desk: () => api.get<CaseDesk>('/cases/desk'),
  create: (body: CaseCreateBody) => api.post<Case>('/cases', body),
  requestExtension: (id: number, body: CaseExtensionBody) => api.post<Case>(`/cases/${id}/extension-requests`, body),
  decideExtension: (id: number, requestId: number, event: 'grant' | 'refuse', reason: string) =>
    api.post<Case>(`/cases/${id}/extension-requests/${requestId}/transition`, { event, reason }),
  reinspect: (id: number, body: CaseReinspectionBody) => api.post<Case>(`/cases/${id}/reinspections`, body),
  withdraw: (id: number, reason: string) => api.post<Case>(`/cases/${id}/transition`, { event: 'withdraw', reason }),
  upload: (id: number, kind: 'finding' | 'reinspection', file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<Case>(`/cases/${id}/files?kind=${kind}`, form);
  },
};
