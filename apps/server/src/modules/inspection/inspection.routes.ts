import {
  AddInspectionEnterprisesBody,
  IdParam,
  InspectionCandidate,
  InspectionConclusionBody,
  InspectionLeaderAccount,
  InspectionLeaderAccountQuery,
  InspectionRound,
  InspectionRoundBody,
  InspectionRoundFilterQuery,
  InspectionRoundQuery,
  InspectionRoundSummary,
  InspectionRoundTransitionBody,
  InspectionRoundUpdateBody,
  LifecycleHistory,
  listPageOf,
  VersionQuery,
} from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { saveUpload } from '../../platform/documents/upload.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import { attachmentHeader, uploadSpoolDir } from '../../platform/files/index.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import * as service from './inspection.service.ts';
import { listRounds, prepareRoundExport } from './inspection-list.service.ts';
import * as opinion from './inspection-opinion.service.ts';
import * as leader from './inspection-leader.ts';
import * as records from './inspection-record.service.ts';

const RecordParams = z.object({ id: z.coerce.number().int().positive(), recordId: z.coerce.number().int().positive() });

// Scope and role are checked in the services (out of scope 404, not an office of the region 403).
export function inspectionRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['inspections'];
  const config = { ability: 'enterprise:read' as const };
  const base = '/api/v1/inspections';
  const record = `${base}/:id/records/:recordId`;
  app.get(
    base,
    {
      config,
      schema: { tags, summary: '联合检查验收批次列表（年度、区划、状态筛选；页码或游标分页，按编号排序）', querystring: InspectionRoundQuery, response: { 200: listPageOf(InspectionRoundSummary) } },
    },
    async (req) => listRounds(ctx.db, req.actor!, req.query),
  );
  app.get(
    `${base}/export.xlsx`,
    { config, schema: { tags, summary: '按列表筛选条件导出检查验收批次（xlsx，全部符合条件的批次）', querystring: InspectionRoundFilterQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareRoundExport(ctx.db, ctx.clock, req.actor!, req.query)),
  );
  app.post(
    base,
    { config, schema: { tags, summary: '组建检查验收批次（检查组从本级成员单位抽调）', body: InspectionRoundBody, response: { 201: InspectionRound } } },
    async (req, reply) => reply.status(201).send(await service.createRound(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.get(
    `${base}/leader-accounts`,
    {
      config,
      schema: { tags, summary: '可担任检查组组长的账号（本级及上级领导小组办公室的有效账号，不含本人）', querystring: InspectionLeaderAccountQuery, response: { 200: z.array(InspectionLeaderAccount) } },
    },
    async (req) => leader.listLeaderAccounts(ctx.db, req.actor!, req.query.regionCode),
  );
  app.get(
    `${base}/:id`,
    { config, schema: { tags, summary: '检查验收批次详情（检查组、企业检查记录和可执行操作）', params: IdParam, response: { 200: InspectionRound } } },
    async (req) => service.getRound(ctx.db, req.actor!, req.params.id),
  );
  app.put(
    `${base}/:id`,
    { config, schema: { tags, summary: '修改批次名称、日期和检查组（带版本号）', params: IdParam, body: InspectionRoundUpdateBody, response: { 200: InspectionRound } } },
    async (req) => service.updateRound(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.get(
    `${base}/:id/history`,
    { config, schema: { tags, summary: '检查验收批次履历（组建、开始检查、结束）', params: IdParam, response: { 200: LifecycleHistory } } },
    async (req) => service.roundHistory(ctx.db, req.actor!, req.params.id),
  );
  app.post(
    `${base}/:id/transitions`,
    { config, schema: { tags, summary: '开始检查或结束本批次（带版本号）', params: IdParam, body: InspectionRoundTransitionBody, response: { 200: InspectionRound } } },
    async (req) => service.transitionRound(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.get(
    `${base}/:id/candidates`,
    { config, schema: { tags, summary: '可加入本批次的企业（本区划内退出任务待验收、尚未在检查中的企业）', params: IdParam, response: { 200: z.array(InspectionCandidate) } } },
    async (req) => service.listCandidates(ctx.db, req.actor!, req.params.id),
  );
  app.post(
    `${base}/:id/records`,
    { config, schema: { tags, summary: '把企业加入本批次（每家企业一份检查记录）', params: IdParam, body: AddInspectionEnterprisesBody, response: { 200: InspectionRound } } },
    async (req) => service.addEnterprises(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.delete(
    record,
    { config, schema: { tags, summary: '把尚未作出结论的企业移出本批次（带版本号）', params: RecordParams, querystring: VersionQuery, response: { 200: InspectionRound } } },
    async (req) => service.removeRecord(ctx.db, ctx.clock, req.actor!, req.params.id, req.params.recordId, req.query.version),
  );
  app.post(
    `${record}/conclusion`,
    {
      config,
      schema: {
        tags,
        summary: '填写检查情况并作出验收结论：通过则该企业待验收的退出任务全部验收通过，不通过则连同原因退回（带版本号）',
        params: RecordParams,
        body: InspectionConclusionBody,
        response: { 200: InspectionRound },
      },
    },
    async (req) => records.concludeRecord(ctx.db, ctx.clock, req.actor!, req.params.id, req.params.recordId, req.body),
  );
  app.post(
    `${record}/opinion.docx`,
    { config, schema: { tags, summary: '生成并下载该企业的书面验收意见（.docx，公文格式；首次生成时编发文字号，再次生成沿用）', params: RecordParams } },
    async (req, reply) => {
      const doc = await opinion.generateOpinion(ctx, req.actor!, req.params.id, req.params.recordId);
      return reply.header('content-type', opinion.DOCX_MIME).header('content-disposition', attachmentHeader(doc.fileName, 'opinion.docx')).send(doc.body);
    },
  );
  app.post(
    `${base}/:id/opinions.zip`,
    { config, schema: { tags, summary: '批量生成本批次已作出结论企业的验收意见（.zip，每家企业一份 .docx）', params: IdParam } },
    async (req, reply) => {
      const doc = await opinion.generateBatch(ctx, req.actor!, req.params.id);
      return reply.header('content-type', 'application/zip').header('content-disposition', attachmentHeader(doc.fileName, 'opinions.zip')).send(doc.body);
    },
  );
  app.post(
    `${record}/signed-scan`,
    {
      config,
      schema: {
        tags,
        summary: '上传签发盖章的验收意见扫描件（multipart 字段 file；PDF/JPEG/PNG，按内容识别，不超过20MB），状态变为已签发',
        params: RecordParams,
        consumes: ['multipart/form-data'],
        response: { 200: InspectionRound },
      },
    },
    async (req) => {
      await opinion.assertScanUploadable(ctx, req.actor!, req.params.id, req.params.recordId);
      const upload = await saveUpload(req, uploadSpoolDir(ctx.config.dataDir));
      return opinion.uploadSignedScan(ctx, req.actor!, req.params.id, req.params.recordId, upload);
    },
  );
  app.get(
    `${record}/signed-scan`,
    { config, schema: { tags, summary: '下载签发盖章的验收意见扫描件（原文件）', params: RecordParams } },
    async (req, reply) => {
      const { row, stream } = await opinion.signedScan(ctx, req.actor!, req.params.id, req.params.recordId);
      return reply.header('content-type', row.mime).header('content-disposition', attachmentHeader(row.originalName, `signed.${row.mime.split('/')[1]}`)).send(stream);
    },
  );
}
