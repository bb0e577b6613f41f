import type {
  Announcement,
  AnnouncementCreateBody,
  AnnouncementEvent,
  AnnouncementForm,
  AnnouncementKind,
  AnnouncementStatus,
  DepartmentListKind,
  Objection,
  ObjectionPhone,
  ObjectionReceipt,
  ObjectionStatus,
  PublicAnnouncement,
  PublicAnnouncementPage,
  PublicSearchResult,
} from '@taotai/shared';
import { DEPARTMENT_LIST_KINDS } from '@taotai/shared';
import { api } from '../../shared/api.ts';

export const ANNOUNCEMENT_STATUS_COLORS: Record<AnnouncementStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  approved: 'cyan',
  published: 'green',
  archived: 'purple',
};

/** What the date column of a list means, by kind. */
export const DATE_LABELS: Record<AnnouncementKind, string> = {
  plan_list: '计划淘汰期限',
  sealed_list: '封存日期',
  completed_list: '验收日期',
  // A department's 黄牌/红牌 list: the date its decision was served (issue 12).
  ...(Object.fromEntries(DEPARTMENT_LIST_KINDS.map((k) => [k, '决定送达日期'])) as Record<DepartmentListKind, string>),
};

/** The office's endpoints (session required). */
export const announcementApi = {
  create: (body: Partial<AnnouncementCreateBody> & Pick<AnnouncementCreateBody, 'regionCode' | 'year' | 'kind'>) => api.post<Announcement>('/announcements', body),
  get: (id: number | string) => api.get<Announcement>(`/announcements/${id}`),
  update: (id: number, body: { title: string; body: string; form: AnnouncementForm; noticeWorkingDays: number; version: number }) =>
    api.put<Announcement>(`/announcements/${id}`, body),
  transition: (id: number, event: AnnouncementEvent, reason = '') => api.post<Announcement>(`/announcements/${id}/transitions`, { event, reason }),
  objections: (id: number) => api.get<Objection[]>(`/announcements/${id}/objections`),
  answer: (id: number, objectionId: number, answer: string, version: number) =>
    api.post<Objection>(`/announcements/${id}/objections/${objectionId}/answer`, { answer, version }),
  revealPhone: (id: number, objectionId: number, reason: string) => api.post<ObjectionPhone>(`/announcements/${id}/objections/${objectionId}/reveal-phone`, { reason }),
};

/** The public site's endpoints: never a session, so never a 401. */
export const publicApi = {
  list: (q: { tab: 'current' | 'archived'; region?: string; kind?: AnnouncementKind; q?: string; page?: number }) =>
    api.get<PublicAnnouncementPage>('/public/announcements', q),
  get: (id: number | string) => api.get<PublicAnnouncement>(`/public/announcements/${id}`),
  search: (q: { q: string; region?: string; kind?: AnnouncementKind }) => api.get<PublicSearchResult>('/public/search', q),
  regions: () => api.get<{ code: string; name: string }[]>('/public/regions'),
  object: (id: number, body: { content: string; name?: string; phone?: string; itemId?: number | null }) =>
    api.post<ObjectionReceipt>(`/public/announcements/${id}/objections`, body),
  lookup: (code: string, phone: string) => api.get<ObjectionStatus>('/public/objections', phone ? { code, phone } : { code }),
};
