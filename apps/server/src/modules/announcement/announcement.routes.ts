import {
  Announcement,
  AnnouncementCreateBody,
  AnnouncementFilterQuery,
  AnnouncementQuery,
  AnnouncementSummary,
  AnnouncementTransitionBody,
  AnnouncementUpdateBody,
  IdParam,
  LifecycleHistory,
  listPageOf,
  Objection,
  ObjectionAnswerBody,
  ObjectionPhone,
  ObjectionRevealBody,
} from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { prepareAnnouncementListExport } from './announcement-list-export.ts';
import * as service from './announcement.service.ts';
import * as objections from './objection.service.ts';

const ObjectionParams = z.object({ id: z.coerce.number().int().positive(), objectionId: z.coerce.number().int().positive() });

// Scope and role are checked in the services (out of scope 404, not the issuing or approving office 403).
export function announcementRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['announcements'];
  const config = { ability: 'enterprise:read' as const };
  // Reading a 公告 (the list and its export too) and its objections needs no registry ability: the identity custodian (who holds none) opens the
  // 公示 to reveal an objector's number (issue 13). canRead in the services keeps enterprises out (404) and scopes.
  const read = {};
  const base = '/api/v1/announcements';
  app.get(
    base,
    { config: read, schema: { tags, summary: '公告公示列表（区划、内容、状态、年度筛选）', querystring: AnnouncementQuery, response: { 200: listPageOf(AnnouncementSummary) } } },
    async (req) => service.listAnnouncements(ctx.db, ctx.clock, req.actor!, req.query),
  );
  app.get(
    `${base}/list.xlsx`,
    { config: read, schema: { tags, summary: '按列表筛选条件导出公告公示列表（xlsx，全部符合条件的公告）', querystring: AnnouncementFilterQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareAnnouncementListExport(ctx.db, ctx.clock, req.actor!, req.query)),
  );
  app.post(
    base,
    { config, schema: { tags, summary: '按记录生成公告草稿（名单为生成时的快照）', body: AnnouncementCreateBody, response: { 201: Announcement } } },
    async (req, reply) => reply.status(201).send(await service.createAnnouncement(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.get(
    `${base}/:id`,
    { config: read, schema: { tags, summary: '公告详情（名单、分单位合计、公示期和可执行操作）', params: IdParam, response: { 200: Announcement } } },
    async (req) => service.getAnnouncement(ctx.db, ctx.clock, req.actor!, req.params.id),
  );
  app.put(
    `${base}/:id`,
    { config, schema: { tags, summary: '修改草稿的标题、正文、形式和公示期（带版本号）', params: IdParam, body: AnnouncementUpdateBody, response: { 200: Announcement } } },
    async (req) => service.updateAnnouncement(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/transitions`,
    { config, schema: { tags, summary: '提交审核、退回、审核通过、发布或归档', params: IdParam, body: AnnouncementTransitionBody, response: { 200: Announcement } } },
    async (req) => service.transitionAnnouncement(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.get(
    `${base}/:id/history`,
    { config: read, schema: { tags, summary: '公告履历（提交、退回、审核、发布、归档，含原因和审核意见）', params: IdParam, response: { 200: LifecycleHistory } } },
    async (req) => service.announcementHistory(ctx.db, req.actor!, req.params.id),
  );
  app.get(
    `${base}/:id/objections`,
    { config: read, schema: { tags, summary: '公示期间收到的异议及答复', params: IdParam, response: { 200: z.array(Objection) } } },
    async (req) => objections.listObjections(ctx.db, ctx.sealKey, req.actor!, req.params.id),
  );
  app.get(
    `${base}/:id/objections/:objectionId/history`,
    { config: read, schema: { tags, summary: '异议履历（答复人、答复时间和答复内容）', params: ObjectionParams, response: { 200: LifecycleHistory } } },
    async (req) => objections.objectionHistory(ctx.db, req.actor!, req.params.id, req.params.objectionId),
  );
  app.post(
    `${base}/:id/objections/:objectionId/answer`,
    { config, schema: { tags, summary: '答复异议（发布单位，每件答复一次，记录答复人和时间）', params: ObjectionParams, body: ObjectionAnswerBody, response: { 200: Objection } } },
    async (req) => objections.answerObjection(ctx.db, ctx.clock, ctx.sealKey, req.actor!, req.params.id, req.params.objectionId, req.body),
  );
  app.post(
    `${base}/:id/objections/:objectionId/reveal-phone`,
    // No role ability: only identity custodians (who hold none) reveal; the service answers everyone else 404.
    { config: {}, schema: { tags, summary: '查看异议人完整手机号码（仅身份保管人，须填写查看事由；记入审计并告知发布单位）', params: ObjectionParams, body: ObjectionRevealBody, response: { 200: ObjectionPhone } } },
    async (req) => objections.revealObjectionPhone(ctx.db, ctx.clock, ctx.sealKey, req.actor!, req.params.id, req.params.objectionId, req.body),
  );
}
