import {
  IdParam,
  ObjectionBody,
  ObjectionLookupQuery,
  ObjectionReceipt,
  ObjectionStatus,
  PublicAnnouncement,
  PublicAnnouncementPage,
  PublicAnnouncementQuery,
  PublicRegion,
  PublicSearchQuery,
  PublicSearchResult,
} from '@taotai/shared';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import * as objections from './objection.service.ts';
import * as service from './public.service.ts';
import { RateLimiter } from './rate-limit.ts';

/**
 * The public site's API: no session. Only published and archived announcements exist here; filing an
 * objection and looking one up are rate-limited per IP (in memory, per server process).
 */
export function publicAnnouncementRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['public'];
  const config = { public: true };
  const base = '/api/v1/public';
  const filing = new RateLimiter(5, 10 * 60_000);
  const lookups = new RateLimiter(30, 10 * 60_000);
  const limit = (r: RateLimiter, req: FastifyRequest) => {
    if (!r.hit(req.ip ?? 'unknown', ctx.clock.now().getTime())) throw objections.tooMany();
  };

  app.get(
    `${base}/announcements`,
    { config, schema: { tags, summary: '公开：当前或往期公告公示（区划、内容、关键词筛选，分页）', querystring: PublicAnnouncementQuery, response: { 200: PublicAnnouncementPage } } },
    async (req) => service.listPublic(ctx.db, ctx.clock, req.query),
  );
  app.get(
    `${base}/announcements/:id`,
    { config, schema: { tags, summary: '公开：公告公示详情（名单、分单位合计、公示期）', params: IdParam, response: { 200: PublicAnnouncement } } },
    async (req) => service.getPublicAnnouncement(ctx.db, ctx.clock, req.params.id),
  );
  app.post(
    `${base}/announcements/:id/objections`,
    {
      config,
      bodyLimit: 16 * 1024,
      schema: { tags, summary: '公开：公示期内提出异议，返回受理编号', params: IdParam, body: ObjectionBody, response: { 201: ObjectionReceipt } },
    },
    async (req, reply) => {
      limit(filing, req);
      return reply.status(201).send(await objections.fileObjection(ctx.db, ctx.clock, ctx.sealKey, req.ip ?? null, req.params.id, req.body));
    },
  );
  app.get(
    `${base}/objections`,
    { config, schema: { tags, summary: '公开：凭受理编号和手机号码（提交时未填写的留空）查询异议答复', querystring: ObjectionLookupQuery, response: { 200: ObjectionStatus } } },
    async (req) => {
      limit(lookups, req);
      return objections.lookupObjection(ctx.db, ctx.sealKey, req.query.code, req.query.phone);
    },
  );
  app.get(
    `${base}/search`,
    { config, schema: { tags, summary: '公开：按企业或生产线名称检索已公布名单', querystring: PublicSearchQuery, response: { 200: PublicSearchResult } } },
    async (req) => service.searchPublic(ctx.db, req.query),
  );
  app.get(
    `${base}/regions`,
    { config, schema: { tags, summary: '公开：已发布公告的地区', response: { 200: z.array(PublicRegion) } } },
    async () => service.publicRegions(ctx.db),
  );
}
