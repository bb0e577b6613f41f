import type {
  DueRule,
  Filing,
  FilingKind,
  FilingMatrix,
  FilingRequirement,
  FilingRequirementBody,
  FilingRequirementSummary,
  FilingSummary,
  NonSubmitters,
  ResubmitBody,
} from '@taotai/shared';
import { api } from '../../shared/api.ts';

export const filingApi = {
  requirements: (view: 'issued' | 'addressed', q: { year?: number; kind?: FilingKind } = {}) =>
    api.get<FilingRequirementSummary[]>('/filing-requirements', { view, ...q }),
  issue: (body: FilingRequirementBody) => api.post<FilingRequirement>('/filing-requirements', body),
  requirement: (id: number | string) => api.get<FilingRequirement>(`/filing-requirements/${id}`),
  filings: (id: number, period?: string) => api.get<FilingSummary[]>(`/filing-requirements/${id}/filings`, { period }),
  nonSubmitters: (id: number, period?: string) => api.get<NonSubmitters>(`/filing-requirements/${id}/non-submitters`, { period }),
  matrix: (year?: number) => api.get<FilingMatrix>('/filing-matrix', { year }),
  submit: (id: number, body: { periodKey?: string; values: Record<string, string | number>; note: string }) =>
    api.post<Filing>(`/filing-requirements/${id}/filings`, { ...body, fileIds: [] }),
  filing: (id: number) => api.get<Filing>(`/filings/${id}`),
  receive: (id: number) => api.post<Filing>(`/filings/${id}/receive`),
  accept: (id: number) => api.post<Filing>(`/filings/${id}/accept`),
  returnFiling: (id: number, reason: string) => api.post<Filing>(`/filings/${id}/return`, { reason }),
  resubmit: (id: number, body: ResubmitBody) => api.post<Filing>(`/filings/${id}/resubmit`, body),
};

/** The due rule in words, as the requirement's text would put it. */
export function dueRuleText(d: DueRule): string {
  switch (d.mode) {
    case 'fixed':
      return `${d.date}前`;
    case 'after_event':
      return `${d.eventDate}后 ${d.workingDays} 个工作日内`;
    case 'after_period_end':
      return d.workingDays === 0 ? '每期最后一个工作日前' : `每期结束后 ${d.workingDays} 个工作日内`;
    case 'month_day':
      return `每年${Number(d.monthDay.slice(0, 2))}月${Number(d.monthDay.slice(3, 5))}日前`;
  }
}
