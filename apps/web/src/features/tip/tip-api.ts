import type {
  ListPage,
  PublishedTipResult,
  Tip,
  TipForTipster,
  TipLinkBody,
  TipListItem,
  TipMessage,
  TipReceipt,
  TipSettings,
  TipStatus,
  TipSummary,
  TipTransitionBody,
} from '@taotai/shared';
import { api, type Query } from '../../shared/api.ts';

/** 已受理待核查 blue, 核查中 orange, 办结待审定 cyan, 已办结 green (the colours the other lifecycles use). */
export const TIP_STATUS_COLORS: Record<TipStatus, string> = {
  received: 'blue',
  verifying: 'orange',
  concluding: 'cyan',
  concluded: 'green',
};

/** Where the office reads a tip's stored (metadata-stripped) file. */
export const tipFileUrl = (tipId: number, fileId: number) => `/api/v1/tips/${tipId}/files/${fileId}`;

/** The office's endpoints (session required). */
export const tipApi = {
  list: (q: Query) => api.get<ListPage<TipListItem>>('/tips', q),
  get: (id: number | string) => api.get<Tip>(`/tips/${id}`),
  transition: (id: number, body: TipTransitionBody) => api.post<Tip>(`/tips/${id}/transition`, body),
  addCheck: (id: number, fields: { checkedOn: string; method: string; inspectors: string; findings: string }, files: File[]) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append('files', f, f.name);
    return api.upload<Tip>(`/tips/${id}/checks`, form);
  },
  message: (id: number, body: string) => api.post<Tip>(`/tips/${id}/messages`, { body }),
  link: (id: number, body: TipLinkBody) => api.post<Tip>(`/tips/${id}/links`, body),
  reveal: (id: number, reason: string) => api.post<{ name: string; phone: string | null; idNumber: string | null }>(`/tips/${id}/identity/reveal`, { reason }),
  summary: () => api.get<TipSummary>('/tips/summary'),
  settings: () => api.get<TipSettings>('/tips/settings'),
  saveSettings: (deadlineWorkingDays: number) => api.put<TipSettings>('/tips/settings', { deadlineWorkingDays }),
};

export interface PublicRegionOption {
  code: string;
  name: string;
  hasChildren: boolean;
}

/** The public site's tip endpoints: no session; the receipt code only ever travels in a POST body. */
export const publicTipApi = {
  file: (fields: Record<string, string | undefined>, files: File[]) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') form.append(k, v);
    for (const f of files) form.append('files', f, f.name);
    return api.upload<TipReceipt>('/public/tips', form);
  },
  lookup: (code: string) => api.post<TipForTipster>('/public/tips/lookup', { code }),
  message: (code: string, body: string) => api.post<TipMessage>('/public/tips/messages', { code, body }),
  results: (q: { page: number; pageSize: number; regionCode?: string }) => api.get<{ items: PublishedTipResult[]; total: number }>('/public/tip-results', q),
  enterpriseNames: (q: string) => api.get<{ items: { id: number; name: string; regionName: string }[] }>('/public/enterprise-names', { q }),
  /** The region picker, one level at a time (provinces without a parent), down to the townships. */
  regions: (parent?: string) => api.get<PublicRegionOption[]>('/public/regions/children', { parent }),
};
