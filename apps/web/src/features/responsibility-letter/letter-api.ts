import type { Letter, LetterCreateBody, LetterStatus, LetterSummary, ListPage } from '@taotai/shared';
import { api, download } from '../../shared/api.ts';

export const letterApi = {
  /** One page (the list page passes its own query); a target's letters fit in the largest page. */
  list: (q: { year?: number; region?: string; status?: LetterStatus; pageSize?: number }) => api.get<ListPage<LetterSummary>>('/responsibility-letters', q),
  create: (body: LetterCreateBody) => api.post<Letter>('/responsibility-letters', body),
  get: (id: number | string) => api.get<Letter>(`/responsibility-letters/${id}`),
  update: (id: number, body: { obligations: string; signDeadline: string | null; version: number }) => api.put<Letter>(`/responsibility-letters/${id}`, body),
  remove: (id: number, version: number) => api.del<unknown>(`/responsibility-letters/${id}`, { version }),
  downloadDocx: (id: number, fallback: string) => download(`/responsibility-letters/${id}/document.docx`, undefined, fallback),
  uploadScan: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<Letter>(`/responsibility-letters/${id}/signed-scan`, form);
  },
  downloadScan: (id: number, fallback: string) => download(`/responsibility-letters/${id}/signed-scan`, undefined, fallback),
};

export const LETTER_STATUS_COLORS: Record<LetterStatus, string> = { drafted: 'orange', signed: 'green' };
