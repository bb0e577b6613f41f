import type { ListPage, Plan, PlanCandidate, PlanCreateBody, PlanEvent, PlanStatus, PlanSummary } from '@taotai/shared';
import { api, download } from '../../shared/api.ts';

export const PLAN_STATUS_COLORS: Record<PlanStatus, string> = { draft: 'default', submitted: 'blue', approved: 'green' };

export const planApi = {
  /** The first 200 plans under the filters (a region's year has one): for pickers; the list page pages itself. */
  list: (q: { year?: number; region?: string; status?: PlanStatus }) => api.get<ListPage<PlanSummary>>('/elimination-plans', { ...q, pageSize: 200 }).then((p) => p.items),
  create: (body: PlanCreateBody) => api.post<Plan>('/elimination-plans', body),
  get: (id: number | string) => api.get<Plan>(`/elimination-plans/${id}`),
  update: (id: number, body: { title: string; note: string; version: number }) => api.put<Plan>(`/elimination-plans/${id}`, body),
  remove: (id: number, version: number) => api.del<unknown>(`/elimination-plans/${id}`, { version }),
  candidates: (id: number, q: { q?: string; industry?: string; cursor?: number | null; limit?: number }) =>
    api.get<{ items: PlanCandidate[]; nextCursor: number | null }>(`/elimination-plans/${id}/candidates`, {
      q: q.q,
      industry: q.industry,
      cursor: q.cursor ?? undefined,
      limit: q.limit ?? 200,
    }),
  addLines: (id: number, version: number, items: { lineId: number; exitDeadline: string | null }[]) =>
    api.post<Plan>(`/elimination-plans/${id}/lines`, { version, items }),
  updateLine: (id: number, lineId: number, version: number, exitDeadline: string) =>
    api.put<Plan>(`/elimination-plans/${id}/lines/${lineId}`, { version, exitDeadline }),
  removeLine: (id: number, lineId: number, version: number) => api.del<Plan>(`/elimination-plans/${id}/lines/${lineId}`, { version }),
  transition: (id: number, event: PlanEvent, reason = '') => api.post<Plan>(`/elimination-plans/${id}/transitions`, { event, reason }),
  export: (id: number, fallback: string) => download(`/elimination-plans/${id}/export.xlsx`, undefined, fallback),
};
