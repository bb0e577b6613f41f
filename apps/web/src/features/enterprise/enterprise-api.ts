import type { Enterprise, EnterpriseBody, EnterpriseSummary, Line, LineBody } from '@taotai/shared';
import { api, download, type Query } from '../../shared/api.ts';

export interface EnterprisePage {
  items: EnterpriseSummary[];
  nextCursor: string | null;
  total: number | null;
}

/** The list's filters; the same object drives the list and the export so both show the same rows. */
export interface EnterpriseFilters {
  region?: string;
  industry?: string;
  criterion?: string;
  status?: string;
  q?: string;
  sort?: string;
}

export const enterpriseApi = {
  list: (f: EnterpriseFilters, page: { cursor?: string | null; limit?: number; withTotal?: boolean } = {}) =>
    api.get<EnterprisePage>('/enterprises', {
      ...(f as Query),
      cursor: page.cursor ?? undefined,
      limit: page.limit ?? 20,
      withTotal: page.withTotal ? 'true' : undefined,
    }),
  get: (id: number | string) => api.get<Enterprise>(`/enterprises/${id}`),
  create: (body: EnterpriseBody) => api.post<Enterprise>('/enterprises', body),
  update: (id: number, body: EnterpriseBody & { version: number }) => api.put<Enterprise>(`/enterprises/${id}`, body),
  addLine: (enterpriseId: number, body: LineBody) => api.post<Line>(`/enterprises/${enterpriseId}/lines`, body),
  updateLine: (id: number, body: LineBody & { version: number }) => api.put<Line>(`/lines/${id}`, body),
  deleteLine: (id: number, version: number) => api.del<unknown>(`/lines/${id}`, { version }),
  export: (f: EnterpriseFilters) => download('/enterprises/export.xlsx', f as Query, '企业台账.xlsx'),
};
