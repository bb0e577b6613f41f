import { CreateUserBody, IdParam, pageOf, UpdateUserBody, User } from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import * as service from './user.service.ts';

export const UserQuery = z.object({
  region: z.string().optional(),
  q: z.string().trim().max(50).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function userRoutes(app: TypedApp, ctx: AppContext): void {
  const config = { ability: 'user:manage' as const };
  app.get(
    '/api/v1/users',
    {
      config,
      schema: { tags: ['users'], summary: '用户列表（本级及下级区划）', querystring: UserQuery, response: { 200: pageOf(User) } },
    },
    async (req) => service.listUsers(ctx.db, req.actor!, req.query),
  );
  app.get(
    '/api/v1/users/:id',
    { config, schema: { tags: ['users'], summary: '用户详情', params: IdParam, response: { 200: User } } },
    async (req) => service.getUser(ctx.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/v1/users',
    { config, schema: { tags: ['users'], summary: '创建用户（首次登录须修改初始密码）', body: CreateUserBody, response: { 201: User } } },
    async (req, reply) => reply.status(201).send(await service.createUser(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.put(
    '/api/v1/users/:id',
    {
      config,
      schema: { tags: ['users'], summary: '修改姓名、停用/启用、重置密码', params: IdParam, body: UpdateUserBody, response: { 200: User } },
    },
    async (req) => service.updateUser(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
}
