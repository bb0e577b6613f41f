import type { DataQualityCounts, DataQualityFlag, DataQualityKind, DataQualityPage, DataQualityRecheckResult, DataQualityStatus } from '@taotai/shared';
import { api, download } from '../../shared/api.ts';

export interface FlagFilters {
  region?: string;
  kind?: DataQualityKind;
  status?: DataQualityStatus;
}

export const dataQualityApi = {
  list: (f: FlagFilters, cursor?: string) => api.get<DataQualityPage>('/data-quality/flags', { ...f, cursor, limit: 50 }),
  counts: (region?: string) => api.get<DataQualityCounts>('/data-quality/counts', { region }),
  resolve: (id: number, note: string) => api.post<DataQualityFlag>(`/data-quality/flags/${id}/resolve`, { note }),
  recheck: (region?: string) => api.post<DataQualityRecheckResult>('/data-quality/recheck', region ? { region } : {}),
  export: (f: FlagFilters) => download('/data-quality/flags.xlsx', { ...f }, '数据质量标记.xlsx'),
};
