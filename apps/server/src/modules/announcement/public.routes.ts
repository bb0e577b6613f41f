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
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { RateRule } from '../../platform/http/rate-limit.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import * as objections from './objection.service.ts';
import * as service from './public.service.ts';

const TOO_MANY = '提交过于频繁，请稍后再试';
/** Every public read: generous for a person browsing, a wall for a script copying the lists. */
export const PUBLIC_READ: RateRule = { name: 'public-read', windowMs: 60_000, slowAfter: 120, refuseAfter: 120, message: '访问过于频繁，请稍后再试' };
/** Five objections per address in ten minutes. */
export const OBJECTION_FILING: RateRule = { name: 'objection-filing', windowMs: 10 * 60_000, slowAfter: 5, refuseAfter: 5, message: TOO_MANY };
/** Answer look-ups need a receipt code and a phone: thirty tries in ten minutes stop guessing. */
export const OBJECTION_LOOKUP: RateRule = { name: 'objection-lookup', windowMs: 10 * 60_000, slowAfter: 30, refuseAfter: 30, message: '查询过于频繁，请稍后再试' };

/**
 * The public site's API: no session. Only published and archived announcements exist here. Every read, filing an
 * objection and looking one up are rate-limited per client address through the platform's limiter (shared by all
 * server processes).
 */
export function publicAnnouncementRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['public'];
  const config = { public: true, rateLimits: [PUBLIC_READ] };
  const base = '/api/v1/public';

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
      config: { public: true, rateLimits: [OBJECTION_FILING] },
      bodyLimit: 16 * 1024,
      schema: { tags, summary: '公开：公示期内提出异议，返回受理编号', params: IdParam, body: ObjectionBody, response: { 201: ObjectionReceipt } },
    },
    async (req, reply) => reply.status(201).send(await objections.fileObjection(ctx.db, ctx.clock, ctx.sealKey, req.params.id, req.body)),
  );
  app.get(
    `${base}/objections`,
    {
      config: { public: true, rateLimits: [PUBLIC_READ, OBJECTION_LOOKUP] },
      schema: { tags, summary: '公开：凭受理编号和手机号码（提交时未填写的留空）查询异议答复', querystring: ObjectionLookupQuery, response: { 200: ObjectionStatus } },
    },
    async (req) => objections.lookupObjection(ctx.db, ctx.sealKey, req.query.code, req.query.phone),
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
