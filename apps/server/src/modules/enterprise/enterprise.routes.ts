import { Enterprise, EnterpriseBody, EnterpriseFilterQuery, EnterpriseQuery, EnterpriseSummary, EnterpriseUpdateBody, IdParam, listPageOf } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { prepareEnterpriseListExport } from './enterprise-export.ts';
import { listEnterprises } from './enterprise-list.service.ts';
import * as service from './enterprise.service.ts';

export function enterpriseRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['enterprises'];
  app.get(
    '/api/v1/enterprises',
    {
      config: { ability: 'enterprise:read' },
      schema: {
        tags,
        summary: '企业列表（区划、行业、不达标类别、状态、名称或信用代码筛选；页码或游标分页，sort 见白名单）',
        querystring: EnterpriseQuery,
        response: { 200: listPageOf(EnterpriseSummary) },
      },
    },
    async (req) => listEnterprises(ctx.db, req.actor!, req.query),
  );
  app.get(
    '/api/v1/enterprises/list.xlsx',
    {
      config: { ability: 'enterprise:export' },
      schema: { tags, summary: '按列表筛选条件导出企业台账（xlsx，每家企业一行，全部符合条件的企业）', querystring: EnterpriseFilterQuery },
    },
    async (req, reply) => sendXlsx(reply, req.log, await prepareEnterpriseListExport(ctx.db, ctx.clock, req.actor!, req.query)),
  );
  app.post(
    '/api/v1/enterprises',
    {
      config: { ability: 'enterprise:write' },
      schema: { tags, summary: '登记企业', body: EnterpriseBody, response: { 201: Enterprise } },
    },
    async (req, reply) => reply.status(201).send(await service.createEnterprise(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.get(
    '/api/v1/enterprises/:id',
    {
      config: { ability: 'enterprise:read' },
      schema: { tags, summary: '企业详情（含生产线与可执行操作）', params: IdParam, response: { 200: Enterprise } },
    },
    async (req) => service.getEnterprise(ctx.db, req.actor!, req.params.id),
  );
  // No route-level write ability: out of scope must answer 404 before "read-only" answers 403.
  app.put(
    '/api/v1/enterprises/:id',
    {
      config: { ability: 'enterprise:read' },
      schema: { tags, summary: '修改企业（带版本号）', params: IdParam, body: EnterpriseUpdateBody, response: { 200: Enterprise } },
    },
    async (req) => service.updateEnterprise(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
}
