import { PassThrough } from 'node:stream';
import { EnterpriseQuery, ImportCommitBody, ImportCommitResult, ImportPreview } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import { saveUpload } from '../../platform/documents/upload.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { prepareEnterpriseExport, XLSX_MIME } from './survey-export.service.ts';
import { commitImport, importsDir, previewUpload } from './survey-import.service.ts';
import { templateFor } from './survey-template.service.ts';

const attachment = (name: string) => `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function surveyImportRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/v1/survey-imports/template.xlsx',
    { config: { ability: 'enterprise:import' }, schema: { tags: ['survey-imports'], summary: '下载排查登记表模板' } },
    async (req, reply) => {
      const t = await templateFor(ctx, req.actor!);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(t.fileName)).send(t.body);
    },
  );

  app.post(
    '/api/v1/survey-imports/preview',
    {
      config: { ability: 'enterprise:import' },
      schema: {
        tags: ['survey-imports'],
        summary: '上传排查登记表（multipart 字段 file）并检查，不写入数据',
        consumes: ['multipart/form-data'],
        response: { 200: ImportPreview },
      },
    },
    async (req) => {
      const upload = await saveUpload(req, importsDir(ctx));
      return previewUpload(ctx, req.actor!, upload);
    },
  );

  app.post(
    '/api/v1/survey-imports/commit',
    {
      config: { ability: 'enterprise:import' },
      schema: { tags: ['survey-imports'], summary: '确认导入已检查通过的文件（一个事务，全部成功或全部不写入）', body: ImportCommitBody, response: { 200: ImportCommitResult } },
    },
    async (req) => commitImport(ctx, req.actor!, req.body.token),
  );

  app.get(
    '/api/v1/enterprises/export.xlsx',
    {
      config: { ability: 'enterprise:export' },
      schema: {
        tags: ['enterprises'],
        summary: '按列表筛选条件导出排查登记表格式的 xlsx（每条生产线一行）',
        querystring: EnterpriseQuery.pick({ region: true, industry: true, criterion: true, status: true, q: true }),
      },
    },
    async (req, reply) => {
      const exp = await prepareEnterpriseExport(ctx, req.actor!, req.query);
      const body = new PassThrough();
      exp.write(body).catch((err) => {
        // Headers are gone by now: cut the download short so the client sees a failure, not a truncated file.
        req.log.error(err, 'export failed');
        body.destroy(err);
      });
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(exp.fileName)).send(body);
    },
  );
}
