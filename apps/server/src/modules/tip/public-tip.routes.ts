import { PublishedTipResult, TipForTipster, TipMessage, TipReceipt } from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { RateRule } from '../../platform/http/rate-limit.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { regionRepository } from '../region/index.ts';
import { fileTip } from './public-tip.service.ts';
import { enterpriseNames, lookupTip, postTipsterMessage, publishedResults } from './public-tip-lookup.service.ts';
import { readTipForm } from './tip-intake-upload.ts';

/**
 * Per client (the bucket key is a keyed hash of the address, platform/http/rate-limit-hook): ten tips per client in
 * an hour is more than a person files; thirty code look-ups in ten minutes stop guessing from one address (the
 * per-code rule in the service stops guessing one code from many).
 */
export const TIP_FILING: RateRule = { name: 'tip-filing', windowMs: 3_600_000, slowAfter: 10, refuseAfter: 10, message: '提交过于频繁，请稍后再试' };
export const TIP_LOOKUP: RateRule = { name: 'tip-lookup', windowMs: 10 * 60_000, slowAfter: 30, refuseAfter: 30, message: '查询过于频繁，请稍后再试' };
export const TIP_PUBLIC_READ: RateRule = { name: 'tip-public-read', windowMs: 60_000, slowAfter: 120, refuseAfter: 120, message: '访问过于频繁，请稍后再试' };

const ResultsQuery = z.object({
  page: z.coerce.number().int().min(1).max(1000).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
  regionCode: z.string().regex(/^\d{6}(\d{3})?$/, '地区代码不正确').optional(),
});
const NamesQuery = z.object({ q: z.string().trim().min(2, '企业名称请至少输入 2 个字').max(50, '企业名称不超过 50 字') });
const NameHit = z.object({ id: z.number().int(), name: z.string(), regionName: z.string() });

/**
 * The public tip channel (issue 13; ADR 0025): no session, nothing about the client kept. The code travels only in
 * POST bodies, never in a URL (URLs end up in logs and browser histories).
 */
/** A region of the public form's place picker, one level at a time. */
const PublicRegionChild = z.object({ code: z.string(), name: z.string(), hasChildren: z.boolean() });

export function publicTipRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['public'];
  const base = '/api/v1/public';

  app.post(
    `${base}/tips`,
    {
      config: { public: true, rateLimits: [TIP_FILING] },
      schema: { tags, summary: '公开：提交举报（multipart：表单字段与附件 files，最多 5 个），返回只显示一次的查询码', response: { 201: TipReceipt } },
    },
    async (req, reply) => {
      const form = await readTipForm(req, ctx.config.dataDir);
      return reply.status(201).send(await fileTip(ctx, form.fields, form.files));
    },
  );
  app.post(
    `${base}/tips/lookup`,
    {
      config: { public: true, rateLimits: [TIP_LOOKUP] },
      bodyLimit: 4 * 1024,
      schema: { tags, summary: '公开：凭查询码查看举报的办理状态、期限、结果和留言', body: z.object({ code: z.string().max(64).optional() }), response: { 200: TipForTipster } },
    },
    async (req) => lookupTip(ctx, req.body.code),
  );
  app.post(
    `${base}/tips/messages`,
    {
      config: { public: true, rateLimits: [TIP_LOOKUP] },
      schema: { tags, summary: '公开：凭查询码补充留言（JSON { code, body }，或 multipart 另附 files）', response: { 201: TipMessage } },
    },
    async (req, reply) => {
      const form = await readTipForm(req, ctx.config.dataDir);
      return reply.status(201).send(await postTipsterMessage(ctx, form.fields, form.files));
    },
  );
  app.get(
    `${base}/tip-results`,
    {
      config: { public: true, rateLimits: [TIP_PUBLIC_READ] },
      schema: { tags, summary: '公开：举报办理结果（事项、地点、核查结论、处理措施；不含举报人信息）', querystring: ResultsQuery, response: { 200: z.object({ items: z.array(PublishedTipResult), total: z.number().int() }) } },
    },
    async (req) => publishedResults(ctx, req.query),
  );
  app.get(
    `${base}/enterprise-names`,
    {
      config: { public: true, rateLimits: [TIP_PUBLIC_READ] },
      schema: { tags, summary: '公开：按名称检索已登记企业（举报表单用，最多 10 条）', querystring: NamesQuery, response: { 200: z.object({ items: z.array(NameHit) }) } },
    },
    async (req) => enterpriseNames(ctx, req.query.q),
  );
  app.get(
    `${base}/regions/children`,
    {
      config: { public: true, rateLimits: [TIP_PUBLIC_READ] },
      schema: {
        tags,
        summary: '公开：下级行政区划（举报表单逐级选择地点；不传 parent 时为省级）',
        querystring: z.object({ parent: z.string().regex(/^\d{6,9}$/, '上级区划代码不正确').optional() }),
        response: { 200: z.array(PublicRegionChild) },
      },
    },
    async (req) =>
      (await regionRepository.children(ctx.db, req.query.parent ?? null, 5000)).map((x) => ({ code: x.row.code, name: x.row.name, hasChildren: x.hasChildren })),
  );
}
