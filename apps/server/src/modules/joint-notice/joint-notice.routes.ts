import { IdParam, JointNotice, JointPunishmentCandidates, JointNoticeCreateBody, JointNoticeExecuteBody, JointNoticeItemParams, JointNoticePage, JointNoticeQuery, LifecycleHistory } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import { attachmentHeader } from '../../platform/files/index.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { DOCX_MIME } from './joint-notice-docx.ts';
import { prepareNoticeExport } from './joint-notice-export.ts';
import * as service from './joint-notice.service.ts';

// Scope and role are checked in the service (out of scope 404; not the addressed department 403).
export function jointNoticeRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['joint-notice'];
  const base = '/api/v1/joint-notices';
  app.get(
    base,
    { schema: { tags, summary: '到期联合通知（停止供电、注销吊销证照）及各部门执行情况，逾期未执行的标明', querystring: JointNoticeQuery, response: { 200: JointNoticePage } } },
    async (req) => service.listNotices(ctx.db, ctx.clock, req.actor!, req.query),
  );
  app.get(
    `${base}/export.xlsx`,
    { schema: { tags, summary: '导出到期联合通知（xlsx，每个通知事项一行，含执行部门、期限和执行情况）' } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareNoticeExport(ctx.db, ctx.clock, req.actor!, todayInChina(ctx.clock.now()))),
  );
  app.get(
    `${base}/candidates`,
    { schema: { tags, summary: '可列入到期联合通知的企业（逾期未完成退出、红牌仍在生产；含已列入联合惩戒名单的）', response: { 200: JointPunishmentCandidates } } },
    async (req) => service.noticeCandidates(ctx.db, ctx.clock, req.actor!),
  );
  app.post(
    base,
    { schema: { tags, summary: '发出到期联合通知（领导小组办公室；企业须逾期未完成退出或红牌仍在生产）', body: JointNoticeCreateBody, response: { 201: JointNotice } } },
    async (req, reply) => reply.code(201).send(await service.issueNotice(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.get(
    `${base}/:id`,
    { schema: { tags, summary: '到期联合通知详情及执行情况', params: IdParam, response: { 200: JointNotice } } },
    async (req) => service.getNotice(ctx.db, ctx.clock, req.actor!, req.params.id),
  );
  app.get(
    `${base}/:id/notice.docx`,
    { schema: { tags, summary: '下载到期联合通知 Word 文档（公文格式）', params: IdParam } },
    async (req, reply) => {
      const doc = await service.noticeDocument(ctx.db, req.actor!, req.params.id);
      return reply.header('content-type', DOCX_MIME).header('content-disposition', attachmentHeader(doc.fileName, 'notice.docx')).send(doc.body);
    },
  );
  app.get(
    `${base}/:id/items/:itemId/history`,
    { schema: { tags, summary: '通知事项的办理履历（发出、登记执行）', params: JointNoticeItemParams, response: { 200: LifecycleHistory } } },
    async (req) => service.itemHistory(ctx.db, req.actor!, req.params.id, req.params.itemId),
  );
  app.post(
    `${base}/:id/items/:itemId/execute`,
    { schema: { tags, summary: '执行部门登记执行情况（执行日期、文号）', params: JointNoticeItemParams, body: JointNoticeExecuteBody, response: { 200: JointNotice } } },
    async (req) => service.executeItem(ctx.db, ctx.clock, req.actor!, req.params.id, req.params.itemId, req.body),
  );
}
