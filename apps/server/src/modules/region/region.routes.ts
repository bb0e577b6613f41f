import { Agency, CreateParkBody, LeadingGroup, Region, RegionQuery } from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import * as service from './region.service.ts';

export function regionRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/v1/regions',
    {
      schema: {
        tags: ['regions'],
        summary: '下级区划（parent）或按名称搜索（q）',
        querystring: RegionQuery,
        response: { 200: z.array(Region) },
      },
    },
    async (req) =>
      req.query.q
        ? service.searchRegions(ctx.db, req.actor!, req.query.q, req.query.limit)
        : service.listChildren(ctx.db, req.actor!, req.query.parent),
  );
  app.get(
    '/api/v1/regions/:code',
    { schema: { tags: ['regions'], params: z.object({ code: z.string() }), response: { 200: Region } } },
    async (req) => service.getRegion(ctx.db, req.actor!, req.params.code),
  );
  app.post(
    '/api/v1/regions/parks',
    { schema: { tags: ['regions'], summary: '设立重点园区', body: CreateParkBody, response: { 201: Region } } },
    async (req, reply) => {
      const r = await service.createPark(ctx.db, ctx.clock, req.actor!, req.body.countyCode, req.body.name);
      return reply.status(201).send(r);
    },
  );
  app.get(
    '/api/v1/regions/:code/agencies',
    { schema: { tags: ['regions'], params: z.object({ code: z.string() }), response: { 200: z.array(Agency) } } },
    async (req) => service.listAgencies(ctx.db, req.actor!, req.params.code),
  );
  app.get(
    '/api/v1/regions/:code/leading-group',
    { schema: { tags: ['regions'], params: z.object({ code: z.string() }), response: { 200: LeadingGroup } } },
    async (req) => service.getLeadingGroup(ctx.db, req.actor!, req.params.code),
  );
}
