import { z } from 'zod';
import { listQueryFields } from './list.ts';
import { ROLES } from '../enums.ts';

export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regionCode: z.string(),
  regionName: z.string(),
  agencyId: z.number().int().nullable(),
  agencyName: z.string().nullable(),
  enterpriseId: z.number().int().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof User>;

/** The user list: a region's subtree (default: the manager's own), a name or username. */
export const UserFilterQuery = z.object({
  region: z.string().optional(),
  q: z.string().trim().max(50).optional(),
});
// Sortable by the account number only: the primary key serves it; the subtree filter goes through the region join.
export const UserQuery = UserFilterQuery.extend(listQueryFields({ id: '编号' }, 'id'));
export type UserQuery = z.infer<typeof UserQuery>;

export const CreateUserBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, '用户名应为3-32位小写字母、数字、点、横线或下划线'),
  displayName: z.string().trim().min(1, '请填写姓名').max(50),
  role: z.enum(ROLES, { error: '请选择角色' }),
  regionCode: z.string().min(1, '请选择所属区划'),
  agencyId: z.number().int().nullable().default(null),
  enterpriseId: z.number().int().nullable().default(null),
  password: z.string().min(1, '请设置初始密码'),
});
export const UpdateUserBody = z.object({
  displayName: z.string().trim().min(1, '请填写姓名').max(50),
  disabled: z.boolean(),
  resetPassword: z.string().optional(),
});
