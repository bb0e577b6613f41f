import type {
  Target,
  TargetAllocationsBody,
  TargetChildRegion,
  TargetCreateBody,
  TargetLineCandidate,
  TargetLinesBody,
  TargetProgress,
  TargetStatus,
  TargetSummary,
  TargetTransitionBody,
  TargetUpdateBody,
} from '@taotai/shared';
import { api } from '../../shared/api.ts';

export const targetApi = {
  list: (q: { region?: string; year?: number; industry?: string; subtree?: boolean }) =>
    api.get<TargetSummary[]>('/targets', { ...q, subtree: q.subtree ? 'true' : undefined }),
  progress: (region: string, year: number) => api.get<TargetProgress>('/targets/progress', { region, year }),
  create: (body: TargetCreateBody) => api.post<Target>('/targets', body),
  get: (id: number | string) => api.get<Target>(`/targets/${id}`),
  update: (id: number, body: TargetUpdateBody) => api.put<Target>(`/targets/${id}`, body),
  remove: (id: number, version: number) => api.del<unknown>(`/targets/${id}`, { version }),
  childRegions: (id: number) => api.get<TargetChildRegion[]>(`/targets/${id}/child-regions`),
  allocate: (id: number, body: TargetAllocationsBody) => api.put<Target>(`/targets/${id}/allocations`, body),
  lineCandidates: (id: number, q?: string) =>
    api.get<{ items: TargetLineCandidate[]; nextCursor: number | null }>(`/targets/${id}/line-candidates`, { q, limit: 500 }),
  setLines: (id: number, body: TargetLinesBody) => api.put<Target>(`/targets/${id}/lines`, body),
  transition: (id: number, event: TargetTransitionBody['event'], reason = '') => api.post<Target>(`/targets/${id}/transitions`, { event, reason }),
};

/** The decomposition's status tag: 待审批 until the level above approves it. */
export const TARGET_STATUS_COLORS: Record<TargetStatus, string> = { draft: 'default', submitted: 'blue', approved: 'green', returned: 'orange' };

/** Quantities keep up to four decimals (万吨 with fractions) and never mix units. */
export const qty = (n: number, unit: string) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 4 })} ${unit}`;
