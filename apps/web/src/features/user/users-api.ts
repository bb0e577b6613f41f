import type { Agency, User } from '@taotai/shared';
import { api } from '../../shared/api.ts';

export interface CreateUserValues {
  username: string;
  displayName: string;
  role: User['role'];
  regionCode: string;
  agencyId: number | null;
  enterpriseId: number | null;
  password: string;
}

export const usersApi = {
  create: (body: CreateUserValues) => api.post<User>('/users', body),
  update: (id: number, body: { displayName: string; disabled: boolean; resetPassword?: string }) => api.put<User>(`/users/${id}`, body),
  agencies: (regionCode: string) => api.get<Agency[]>(`/regions/${regionCode}/agencies`),
};
