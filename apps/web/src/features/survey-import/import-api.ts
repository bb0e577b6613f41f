import type { ImportPreview } from '@taotai/shared';
import { api, download } from '../../shared/api.ts';

export interface ImportCommitResult {
  importId: number;
  enterprisesCreated: number;
  enterprisesMatched: number;
  linesCreated: number;
}

export const importApi = {
  template: () => download('/survey-imports/template.xlsx', undefined, '落后产能排查登记表（模板）.xlsx'),
  preview: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<ImportPreview>('/survey-imports/preview', form);
  },
  commit: (token: string) => api.post<ImportCommitResult>('/survey-imports/commit', { token }),
};
