import { BasisItem, BasisItemBody, BasisItemQuery, CapacityUnit, IdParam, Industry, IndustryBody } from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import * as service from './catalogue.service.ts';

export function catalogueRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['catalogue'];
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
