import type { CaseCounts, CasePlanCandidate, DepartmentListEntry, ListPage } from '@taotai/shared';
import { api, download, type Query } from '../../shared/api.ts';

export type DepartmentListPage = ListPage<DepartmentListEntry>;

/** The department lists' endpoints (issue 12): the yellow/red list, plan candidates, dashboard counts, the yearly table. */
export const departmentListApi = {
  list: (q: Query) => api.get<DepartmentListPage>('/department-lists', q),
  counts: (region?: string) => api.get<CaseCounts>('/department-lists/counts', { region }),
  planCandidates: (region: string, year: number) => api.get<CasePlanCandidate[]>('/department-lists/plan-candidates', { region, year }),
  caseTable: (year: number, region?: string) => download('/department-lists/case-table.xlsx', { year, region }, `${year}年违法违规企业处理情况.xlsx`),
};
