import { CreateUserBody, IdParam, listPageOf, UpdateUserBody, User, UserFilterQuery, UserQuery } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { prepareUserExport } from './user-export.ts';
import * as service from './user.service.ts';

export function userRoutes(app: TypedApp, ctx: AppContext): void {
  const config = { ability: 'user:manage' as const };
  app.get(
    '/api/v1/users',
    {
      config,
      schema: { tags: ['users'], summary: '用户列表（本级及下级区划；页码或游标分页，按编号排序）', querystring: UserQuery, response: { 200: listPageOf(User) } },
    },
    async (req) => service.listUsers(ctx.db, req.actor!, req.query),
  );
  app.get(
    '/api/v1/users/export.xlsx',
    { config, schema: { tags: ['users'], summary: '按列表筛选条件导出用户（xlsx，全部符合条件的用户）', querystring: UserFilterQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareUserExport(ctx.db, ctx.clock, req.actor!, req.query)),
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
