import {
  BasisItem,
  BasisItemBody,
  BasisItemListQuery,
  BasisItemQuery,
  CapacityUnit,
  IdParam,
  Industry,
  IndustryBody,
  IndustryListQuery,
  listPageOf,
} from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { basisItemPage, industryPage, prepareBasisExport, prepareIndustryExport } from './catalogue-lists.ts';
import * as service from './catalogue.service.ts';

export function catalogueRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['catalogue'];
  // The list page's endpoints (ADR 0014); the array endpoints below stay for the forms' selects.
  const unitName = z.object({ unitName: z.string() });
  const industryName = z.object({ industryName: z.string().nullable() });
  app.get(
    '/api/v1/catalogue/industries/list',
    { schema: { tags, summary: '行业目录列表页（分页；名称或代码、是否重点行业筛选）', querystring: IndustryListQuery, response: { 200: listPageOf(Industry.extend(unitName.shape)) } } },
    async (req) => industryPage(ctx.db, req.query),
  );
  app.get(
    '/api/v1/catalogue/industries/list.xlsx',
    { schema: { tags, summary: '按列表筛选条件导出行业目录（xlsx）', querystring: IndustryListQuery.omit({ page: true, pageSize: true, limit: true, cursor: true, withTotal: true, sort: true }) } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareIndustryExport(ctx.db, ctx.clock, req.query)),
  );
  app.get(
    '/api/v1/catalogue/basis-items/list',
    { schema: { tags, summary: '判定依据列表页（分页；类别、行业、状态、关键字筛选）', querystring: BasisItemListQuery, response: { 200: listPageOf(BasisItem.extend(industryName.shape)) } } },
    async (req) => basisItemPage(ctx.db, req.query),
  );
  app.get(
    '/api/v1/catalogue/basis-items/list.xlsx',
    { schema: { tags, summary: '按列表筛选条件导出判定依据（xlsx）', querystring: BasisItemListQuery.omit({ page: true, pageSize: true, limit: true, cursor: true, withTotal: true, sort: true }) } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareBasisExport(ctx.db, ctx.clock, req.query)),
  );
  app.get(
    '/api/v1/catalogue/units',
    { schema: { tags, summary: '产能单位', response: { 200: z.array(CapacityUnit) } } },
    async () => service.listUnits(ctx.db),
  );
  app.get(
    '/api/v1/catalogue/industries',
    { schema: { tags, summary: '行业目录', response: { 200: z.array(Industry) } } },
    async () => service.listIndustries(ctx.db),
  );
  app.post(
    '/api/v1/catalogue/industries',
    { config: { ability: 'catalogue:manage' }, schema: { tags, summary: '新增行业', body: IndustryBody, response: { 201: Industry } } },
    async (req, reply) => reply.status(201).send(await service.createIndustry(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.put(
    '/api/v1/catalogue/industries/:code',
    {
      config: { ability: 'catalogue:manage' },
      schema: { tags, summary: '修改行业', params: z.object({ code: z.string() }), body: IndustryBody, response: { 200: Industry } },
    },
    async (req) => service.updateIndustry(ctx.db, ctx.clock, req.actor!, req.params.code, req.body),
  );
  app.get(
    '/api/v1/catalogue/basis-items',
    { schema: { tags, summary: '判定依据（按不达标类别、行业筛选）', querystring: BasisItemQuery, response: { 200: z.array(BasisItem) } } },
    async (req) => service.listBasisItems(ctx.db, req.query),
  );
  app.post(
    '/api/v1/catalogue/basis-items',
    { config: { ability: 'catalogue:manage' }, schema: { tags, summary: '新增判定依据', body: BasisItemBody, response: { 201: BasisItem } } },
    async (req, reply) => reply.status(201).send(await service.createBasisItem(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.put(
    '/api/v1/catalogue/basis-items/:id',
    {
      config: { ability: 'catalogue:manage' },
      schema: { tags, summary: '修改或停用判定依据', params: IdParam, body: BasisItemBody, response: { 200: BasisItem } },
    },
    async (req) => service.updateBasisItem(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
}
