import { DeadlineItem, DeadlineQuery, Filing, IdParam, LifecycleHistory, ReminderRunResult, ResubmitBody, ReturnBody, StoredFileInfo } from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { saveUpload } from '../../platform/documents/upload.ts';
import { attachmentHeader, uploadSpoolDir } from '../../platform/files/index.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { openAttachment, uploadAttachment } from './attachment.service.ts';
import { runFilingReminders } from './filing.jobs.ts';
import * as service from './filing.service.ts';
import { myDeadlines } from './monitoring.service.ts';

export function filingRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['filings'];
  app.get(
    '/api/v1/filings/:id',
    { schema: { tags, summary: '报送详情（填报内容、状态历史、可执行操作）', params: IdParam, response: { 200: Filing } } },
    async (req) => service.getFiling(ctx.db, ctx.clock, req.actor!, req.params.id),
  );
  app.get(
    '/api/v1/filings/:id/history',
    { schema: { tags, summary: '报送的办理履历（报送、接收、退回及原因、重新报送、采纳）', params: IdParam, response: { 200: LifecycleHistory } } },
    async (req) => service.filingHistory(ctx.db, ctx.clock, req.actor!, req.params.id),
  );
  for (const event of ['receive', 'accept'] as const) {
    app.post(
      `/api/v1/filings/:id/${event}`,
      {
        schema: {
          tags,
          summary: event === 'receive' ? '接收报送（下达单位）' : '采纳报送（下达单位；须先接收）',
          params: IdParam,
          response: { 200: Filing },
        },
      },
      async (req) => service.issuerEvent(ctx.db, ctx.clock, req.actor!, req.params.id, event),
    );
  }
  app.post(
    '/api/v1/filings/:id/return',
    { schema: { tags, summary: '退回修改（下达单位；须写明原因，报送单位收到通知）', params: IdParam, body: ReturnBody, response: { 200: Filing } } },
    async (req) => service.issuerEvent(ctx.db, ctx.clock, req.actor!, req.params.id, 'return', req.body.reason),
  );
  app.post(
    '/api/v1/filings/:id/resubmit',
    {
      schema: {
        tags,
        summary: '修改后重新报送（报送单位；摸底排查结果请用 /survey-filings/:id/resubmit）',
        params: IdParam,
        body: ResubmitBody,
        response: { 200: Filing },
      },
    },
    async (req) => {
      await service.resubmitFiling(ctx.db, ctx.clock, req.actor!, req.params.id, req.body);
      return service.getFiling(ctx.db, ctx.clock, req.actor!, req.params.id);
    },
  );
  app.post(
    '/api/v1/filing-attachments',
    {
      schema: {
        tags,
        summary: '上传报送附件或现场核查照片（multipart 字段 file；PDF/JPEG/PNG，按内容识别，不超过20MB），返回文件编号供报送、核查引用',
        consumes: ['multipart/form-data'],
        response: { 201: StoredFileInfo },
      },
    },
    async (req, reply) => {
      const upload = await saveUpload(req, uploadSpoolDir(ctx.config.dataDir));
      return reply.status(201).send(await uploadAttachment(ctx, req.actor!, upload));
    },
  );
  app.get(
    '/api/v1/filing-attachments/:id',
    { schema: { tags, summary: '下载报送附件或现场照片（本人上传的，或可查看的报送所附的；原文件）', params: IdParam } },
    async (req, reply) => {
      const { row, stream } = await openAttachment(ctx, req.actor!, req.params.id);
      return reply
        .header('content-type', row.mime)
        .header('content-disposition', attachmentHeader(row.originalName, `attachment.${row.mime.split('/')[1]}`))
        .send(stream);
    },
  );
  app.get(
    '/api/v1/my-deadlines',
    {
      schema: {
        tags,
        summary: '我的日程：某月本单位应报送的截止日期、本单位下达要求的截止日期及工作方案阶段结束日',
        querystring: DeadlineQuery,
        response: { 200: z.array(DeadlineItem) },
      },
    },
    async (req) => myDeadlines(ctx.db, ctx.clock, req.actor!, req.query.month),
  );
  app.post(
    '/api/v1/jobs/filing-reminders/run',
    {
      config: { ability: 'settings:manage' },
      schema: { tags: ['jobs'], summary: '立即执行报送提醒（管理员；重复执行不会重复提醒）', response: { 200: ReminderRunResult } },
    },
    async () => runFilingReminders(ctx),
  );
}
