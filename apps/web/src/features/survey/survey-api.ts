import type { CandidateLine, SurveyFiling, SurveyRollup, VerificationBody, ZeroReportExplanation } from '@taotai/shared';
import { api } from '../../shared/api.ts';

export interface SurveyContent {
  zeroReport: boolean;
  statement: string;
  lineIds: number[];
  note: string;
  /** A zero report over registry lines: each line explained (issue 10 §3), recorded and flagged to the level above. */
  lineExplanations?: ZeroReportExplanation[];
}

export const surveyApi = {
  candidates: (q?: string) => api.get<CandidateLine[]>('/survey-filings/candidate-lines', { q }),
  submit: (requirementId: number, periodKey: string | undefined, c: SurveyContent) =>
    api.post<SurveyFiling>('/survey-filings', { requirementId, periodKey, ...c, fileIds: [] }),
  resubmit: (id: number, c: SurveyContent) => api.post<SurveyFiling>(`/survey-filings/${id}/resubmit`, { ...c, fileIds: [] }),
  get: (id: number | string) => api.get<SurveyFiling>(`/survey-filings/${id}`),
  verify: (id: number, body: VerificationBody) => api.post<SurveyFiling>(`/survey-filings/${id}/verifications`, body),
  rollup: (year: number, region?: string, depth = 1) => api.get<SurveyRollup>('/survey-rollup', { year, region, depth }),
};

/** Capacities per unit, never added across units: "12.5 万吨；300 万平方米". */
export const unitTotalsText = (totals: { unitName: string; capacity: number }[]) =>
  totals.length ? totals.map((t) => `${t.capacity.toLocaleString('zh-CN', { maximumFractionDigits: 4 })} ${t.unitName}`).join('；') : '—';
