import {
  Case,
  CaseCreateBody,
  CaseDesk,
  CaseExtensionBody,
  CaseExtensionTransitionBody,
  CaseFilterQuery,
  CaseQuery,
  CaseReinspectionBody,
  CaseSummary,
  CaseTransitionBody,
  IdParam,
  LifecycleHistory,
  listPageOf,
} from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { saveUpload } from '../../platform/documents/upload.ts';
import { attachmentHeader, uploadSpoolDir } from '../../platform/files/index.ts';
import { caseDesk } from './case-desk.service.ts';
import { addCaseFile, assertCaseUploadable, CASE_FILE_KINDS, type CaseFileKind, caseFile } from './case-files.service.ts';
import { prepareCaseExport } from './case-export.ts';
import { requestExtension, transitionExtension } from './case-extension.service.ts';
import { recordReinspection, transitionCase } from './case-reinspection.service.ts';
import * as service from './non-compliance-case.service.ts';

const FileParam = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });
const FileKindQuery = z.object({ kind: z.enum(Object.keys(CASE_FILE_KINDS) as [CaseFileKind, ...CaseFileKind[]]).default('finding') });
const RequestParam = z.object({ id: z.coerce.number().int().positive(), requestId: z.coerce.number().int().positive() });

// Departments, offices, leaders and enterprise users all hold enterprise:read; the services decide reach (404).
export function caseRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['cases'];
  const config = { ability: 'enterprise:read' as const };
  const base = '/api/v1/cases';
  app.get(
    base,
    { config, schema: { tags, summary: '不达标/违法违规案件列表（类别、状态、黄牌/红牌、逾期筛选；按立案顺序分页）', querystring: CaseQuery, response: { 200: listPageOf(CaseSummary) } } },
    async (req) => service.listCases(ctx.db, ctx.clock, req.actor!, req.query),
  );
  app.get(
    `${base}/export.xlsx`,
    { config, schema: { tags, summary: '按列表筛选条件导出案件（xlsx）', querystring: CaseFilterQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareCaseExport(ctx.db, ctx.clock, req.actor!, req.query)),
  );
  app.get(
    `${base}/desk`,
    { config, schema: { tags, summary: '工作台：本部门在办案件、即将到期、已逾期、待决定的延期申请', response: { 200: CaseDesk } } },
    async (req) => caseDesk(ctx.db, ctx.clock, req.actor!),
  );
  app.post(
    base,
    { config, schema: { tags, summary: '立案（成员单位对本辖区企业或生产线，按本部门负责的类别）', body: CaseCreateBody, response: { 201: Case } } },
    async (req, reply) => reply.status(201).send(await service.createCase(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.get(
    `${base}/:id`,
    { config, schema: { tags, summary: '案件详情（整改期限、延期申请、复查记录和可执行操作）', params: IdParam, response: { 200: Case } } },
    async (req) => service.getCase(ctx.db, ctx.clock, req.actor!, req.params.id),
  );
  app.get(
    `${base}/:id/history`,
    { config, schema: { tags, summary: '案件的办理履历（立案、延期申请与决定、复查、撤销）', params: IdParam, response: { 200: LifecycleHistory } } },
    async (req) => service.caseHistory(ctx.db, req.actor!, req.params.id),
  );
  app.post(
    `${base}/:id/transition`,
    { config, schema: { tags, summary: '撤销案件（立案部门除立案人以外的人员，须填写原因）', params: IdParam, body: CaseTransitionBody, response: { 200: Case } } },
    async (req) => transitionCase(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/extension-requests`,
    { config, schema: { tags, summary: '申请延期（企业或其所在地领导小组办公室，期限届满前，不超过3个月，只能批准一次）', params: IdParam, body: CaseExtensionBody, response: { 200: Case } } },
    async (req) => requestExtension(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/extension-requests/:requestId/transition`,
    { config, schema: { tags, summary: '批准或不予批准延期申请（立案部门除立案人和申请人以外的人员）', params: RequestParam, body: CaseExtensionTransitionBody, response: { 200: Case } } },
    async (req) => transitionExtension(ctx.db, ctx.clock, req.actor!, req.params.id, req.params.requestId, req.body),
  );
  app.post(
    `${base}/:id/reinspections`,
    { config, schema: { tags, summary: '录入复查结论（合格：整改合格；不合格：责令关闭，须填写关闭决定文号）', params: IdParam, body: CaseReinspectionBody, response: { 200: Case } } },
    async (req) => recordReinspection(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/files`,
    {
      config,
      schema: { tags, summary: '上传案件证据材料（multipart 字段 file；PDF/JPEG/PNG，按内容识别，不超过20MB；kind=finding 立案证据，reinspection 复查证据）', params: IdParam, querystring: FileKindQuery, consumes: ['multipart/form-data'], response: { 200: Case } },
    },
    async (req) => {
      await assertCaseUploadable(ctx.db, req.actor!, req.params.id);
      const upload = await saveUpload(req, uploadSpoolDir(ctx.config.dataDir));
      return addCaseFile(ctx.db, ctx.clock, ctx.config.dataDir, req.actor!, req.params.id, req.query.kind, upload);
    },
  );
  app.get(
    `${base}/:id/files/:fileId`,
    { config, schema: { tags, summary: '下载案件证据材料（PDF为原文件；照片为去除位置等元数据的副本）', params: FileParam } },
    async (req, reply) => {
      const { row, stream } = await caseFile(ctx.db, ctx.config.dataDir, req.actor!, req.params.id, req.params.fileId);
      return reply.header('content-type', row.mime).header('content-disposition', attachmentHeader(row.originalName, 'evidence')).send(stream);
    },
  );
}
