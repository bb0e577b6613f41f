import type {
  Agency,
  InspectionCandidate,
  InspectionConclusionBody,
  InspectionLeaderAccount,
  InspectionRound,
  InspectionRoundBody,
  InspectionRoundEvent,
  InspectionRoundStatus,
  InspectionRoundUpdateBody,
  OpinionStatus,
} from '@taotai/shared';
import { api, download, send } from '../../shared/api.ts';

/** Generation assigns the document number, so it is a POST; the file comes back like any download. */
async function postDownload(path: string, fallbackName: string): Promise<string> {
  const res = await send('POST', path, { json: {} });
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  const name = star ? decodeURIComponent(star[1]!) : fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

const base = '/inspections';
const rec = (id: number, recordId: number) => `${base}/${id}/records/${recordId}`;

export const inspectionApi = {
  create: (body: InspectionRoundBody) => api.post<InspectionRound>(base, body),
  update: (id: number, body: InspectionRoundUpdateBody) => api.put<InspectionRound>(`${base}/${id}`, body),
  get: (id: number | string) => api.get<InspectionRound>(`${base}/${id}`),
  fire: (id: number, event: InspectionRoundEvent, version: number) => api.post<InspectionRound>(`${base}/${id}/transitions`, { event, version }),
  candidates: (id: number) => api.get<InspectionCandidate[]>(`${base}/${id}/candidates`),
  addEnterprises: (id: number, enterpriseIds: number[]) => api.post<InspectionRound>(`${base}/${id}/records`, { enterpriseIds }),
  removeRecord: (id: number, recordId: number, version: number) => api.del<InspectionRound>(rec(id, recordId), { version }),
  conclude: (id: number, recordId: number, body: InspectionConclusionBody) => api.post<InspectionRound>(`${rec(id, recordId)}/conclusion`, body),
  opinion: (id: number, recordId: number) => postDownload(`${rec(id, recordId)}/opinion.docx`, '验收意见.docx'),
  batch: (id: number) => postDownload(`${base}/${id}/opinions.zip`, '验收意见.zip'),
  uploadScan: (id: number, recordId: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<InspectionRound>(`${rec(id, recordId)}/signed-scan`, form);
  },
  downloadScan: (id: number, recordId: number, fallback: string) => download(`${rec(id, recordId)}/signed-scan`, undefined, fallback),
  /** Office accounts of the region and above that may lead the team (the clerk forming the round excluded). */
  leaderAccounts: (regionCode: string) => api.get<InspectionLeaderAccount[]>(`${base}/leader-accounts`, { regionCode }),
  agencies: (regionCode: string) => api.get<Agency[]>(`/regions/${regionCode}/agencies`),
};

export const ROUND_STATUS_COLORS: Record<InspectionRoundStatus, string> = { draft: 'default', in_progress: 'processing', concluded: 'green' };
export const OPINION_STATUS_COLORS: Record<OpinionStatus, string> = { none: 'default', drafted: 'orange', signed: 'green' };
