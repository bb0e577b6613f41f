import type {
  Target,
  TargetAllocationsBody,
  TargetChildRegion,
  TargetCreateBody,
  TargetLineCandidate,
  TargetLinesBody,
  TargetProgress,
  TargetSummary,
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
};

/** Quantities keep up to four decimals (万吨 with fractions) and never mix units. */
export const qty = (n: number, unit: string) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 4 })} ${unit}`;
