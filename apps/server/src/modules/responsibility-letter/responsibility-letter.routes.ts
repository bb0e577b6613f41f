import { IdParam, Letter, LetterCreateBody, LetterFilterQuery, LetterQuery, LetterSummary, LetterUpdateBody, LifecycleHistory, listPageOf, Ok, VersionQuery } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import { saveUpload } from '../../platform/documents/upload.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import { attachmentHeader, uploadSpoolDir } from '../../platform/files/index.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import * as service from './responsibility-letter.service.ts';
import { prepareLetterExport } from './responsibility-letter-export.ts';
import * as sign from './responsibility-letter-sign.service.ts';

// Enterprise users read their own letters too, so the route needs only a session; the services check scope.
export function responsibilityLetterRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['responsibility-letters'];
  const config = { ability: 'enterprise:read' as const };
  const base = '/api/v1/responsibility-letters';
  app.get(
    base,
    { config, schema: { tags, summary: '目标责任书列表（年度、区划、状态筛选；页码或游标分页，按编号排序）', querystring: LetterQuery, response: { 200: listPageOf(LetterSummary) } } },
    async (req) => service.listLetters(ctx.db, req.actor!, req.query),
  );
  app.get(
    `${base}/export.xlsx`,
    { config, schema: { tags, summary: '按列表筛选条件导出目标责任书（xlsx，全部符合条件的责任书）', querystring: LetterFilterQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareLetterExport(ctx.db, ctx.clock, req.actor!, req.query)),
  );
  app.post(
    base,
    {
      config,
      schema: { tags, summary: '按已分解的目标任务拟定责任书（甲方与下级区划或县级与企业）', body: LetterCreateBody, response: { 201: Letter } },
    },
    async (req, reply) => reply.status(201).send(await service.createLetter(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.get(
    `${base}/:id`,
    { config, schema: { tags, summary: '责任书详情（目标表、责任内容、签订扫描件和可执行操作）', params: IdParam, response: { 200: Letter } } },
    async (req) => service.getLetter(ctx.db, req.actor!, req.params.id),
  );
  app.put(
    `${base}/:id`,
    {
      config,
      schema: { tags, summary: '修改责任内容并按当前分解刷新目标表（待签订，带版本号）', params: IdParam, body: LetterUpdateBody, response: { 200: Letter } },
    },
    async (req) => service.updateLetter(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.delete(
    `${base}/:id`,
    { config, schema: { tags, summary: '删除待签订的责任书（带版本号）', params: IdParam, querystring: VersionQuery, response: { 200: Ok } } },
    async (req) => {
      await service.deleteLetter(ctx.db, ctx.clock, req.actor!, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.get(
    `${base}/:id/document.docx`,
    { config, schema: { tags, summary: '下载责任书 Word 文档（.docx）', params: IdParam } },
    async (req, reply) => {
      const doc = await sign.letterDocument(ctx, req.actor!, req.params.id);
      return reply.header('content-type', sign.DOCX_MIME).header('content-disposition', attachmentHeader(doc.fileName, 'letter.docx')).send(doc.body);
    },
  );
  app.get(
    `${base}/:id/history`,
    { config, schema: { tags, summary: '责任书的办理履历（签订）', params: IdParam, response: { 200: LifecycleHistory } } },
    async (req) => sign.letterHistory(ctx, req.actor!, req.params.id),
  );
  app.post(
    `${base}/:id/signed-scan`,
    {
      config,
      schema: {
        tags,
        summary: '上传签字盖章的责任书扫描件（multipart 字段 file；PDF/JPEG/PNG，按内容识别，不超过20MB），状态变为已签订',
        params: IdParam,
        consumes: ['multipart/form-data'],
        response: { 200: Letter },
      },
    },
    async (req) => {
      await sign.assertSignable(ctx, req.actor!, req.params.id);
      const upload = await saveUpload(req, uploadSpoolDir(ctx.config.dataDir));
      return sign.signLetter(ctx, req.actor!, req.params.id, upload);
    },
  );
  app.get(
    `${base}/:id/signed-scan`,
    { config, schema: { tags, summary: '下载签订的责任书扫描件（原文件，未经改动）', params: IdParam } },
    async (req, reply) => {
      const { row, stream } = await sign.signedScan(ctx, req.actor!, req.params.id);
      return reply
        .header('content-type', row.mime)
        .header('content-disposition', attachmentHeader(row.originalName, `signed.${row.mime.split('/')[1]}`))
        .send(stream);
    },
  );
}
