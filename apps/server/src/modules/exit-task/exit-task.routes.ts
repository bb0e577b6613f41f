import {
  ExitTask,
  ExitTaskEnterprisePage,
  ExitTaskEnterpriseQuery,
  ExitTaskEvidence,
  ExitTaskFilterQuery,
  ExitTaskFromPlanResult,
  ExitTaskPage,
  ExitTaskQuery,
  ExitTaskTransitionBody,
  IdParam,
} from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { attachmentHeader } from '../../platform/files/index.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import * as service from './exit-task.service.ts';
import { commitmentDocument } from './exit-task-commitment.service.ts';
import { DOCX_MIME } from './exit-task-commitment-docx.ts';
import { listEnterprises } from './exit-task-enterprises.service.ts';
import { prepareTaskExport } from './exit-task-export.ts';
import * as evidence from './exit-task-evidence.service.ts';

const PlanIdParam = z.object({ planId: z.coerce.number().int().positive() });
const EvidenceParams = z.object({ id: z.coerce.number().int().positive(), evidenceId: z.coerce.number().int().positive() });
/** The dismantling deadline being entered on the seal form, printed into the commitment. */
const CommitmentQuery = z.object({ dismantleDeadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD').optional() });
const EvidenceFileQuery = z.object({ display: z.enum(['true', 'false']).optional() });

// Scope and role are checked in the services (out of scope 404, not an office of the region 403).
export function exitTaskRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['exit-tasks'];
  const config = { ability: 'enterprise:read' as const };
  const base = '/api/v1/exit-tasks';
  app.get(
    base,
    { config, schema: { tags, summary: '退出任务列表（区划、状态、阶段、行业、单位、年度、企业、逾期、名称筛选；合计为全部符合条件的任务）', querystring: ExitTaskQuery, response: { 200: ExitTaskPage } } },
    async (req) => service.listTasks(ctx.db, ctx.clock, req.actor!, req.query),
  );
  app.get(
    `${base}/export.xlsx`,
    { config, schema: { tags, summary: '按列表筛选条件导出退出任务（xlsx，全部符合条件的任务）', querystring: ExitTaskFilterQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareTaskExport(ctx.db, ctx.clock, req.actor!, req.query)),
  );
  // A static path: it is matched before `/:id` (whose id must be numeric anyway).
  app.get(
    `${base}/enterprises`,
    {
      config,
      schema: {
        tags,
        summary: '有退出任务的企业（区划、年度、行业、单位、是否完成退出、仅本级筛选；合计与进度看板的企业数一致）',
        querystring: ExitTaskEnterpriseQuery,
        response: { 200: ExitTaskEnterprisePage },
      },
    },
    async (req) => listEnterprises(ctx.db, ctx.clock, req.actor!, req.query),
  );
  app.post(
    `${base}/from-plan/:planId`,
    { config, schema: { tags, summary: '按已批准的淘汰计划为每条生产线生成退出任务（可重复执行）', params: PlanIdParam, response: { 200: ExitTaskFromPlanResult } } },
    async (req) => service.createFromPlan(ctx.db, ctx.clock, req.actor!, req.params.planId),
  );
  app.get(
    `${base}/:id`,
    { config, schema: { tags, summary: '退出任务详情（含历史、佐证材料和可执行操作）', params: IdParam, response: { 200: ExitTask } } },
    async (req) => service.getTask(ctx.db, ctx.clock, req.actor!, req.params.id),
  );
  app.get(
    `${base}/:id/commitment.docx`,
    {
      config,
      schema: { tags, summary: '下载企业公开承诺书 Word 文档（封存前签字盖章后扫描上传）', params: IdParam, querystring: CommitmentQuery },
    },
    async (req, reply) => {
      const doc = await commitmentDocument(ctx.db, req.actor!, req.params.id, req.query.dismantleDeadline);
      return reply.header('content-type', DOCX_MIME).header('content-disposition', attachmentHeader(doc.fileName, 'commitment.docx')).send(doc.body);
    },
  );
  app.post(
    `${base}/:id/transitions`,
    { config, schema: { tags, summary: '封存、拆除、申请验收、验收、退回整改或依令关闭', params: IdParam, body: ExitTaskTransitionBody, response: { 200: ExitTask } } },
    async (req) => service.transitionTask(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/evidence`,
    {
      config,
      schema: {
        tags,
        summary: '上传佐证材料（multipart：先字段 kind，再字段 file；JPEG/PNG/PDF，按内容识别，不超过20MB）',
        params: IdParam,
        consumes: ['multipart/form-data'],
        response: { 201: ExitTaskEvidence },
      },
    },
    async (req, reply) => {
      await evidence.assertUploadable(ctx, req.actor!, req.params.id);
      const { kind, upload } = await evidence.receiveEvidence(req, ctx.config.dataDir);
      return reply.status(201).send(await evidence.addEvidence(ctx, req.actor!, req.params.id, kind, upload));
    },
  );
  app.get(
    `${base}/:id/evidence/:evidenceId`,
    {
      config,
      schema: { tags, summary: '下载佐证材料（PDF为原文件；照片为重新编码、去除位置等元数据的副本，display=true 时为缩略图；原件按哈希留存）', params: EvidenceParams, querystring: EvidenceFileQuery },
    },
    async (req, reply) => {
      const display = req.query.display === 'true';
      const { row, body } = await evidence.evidenceFile(ctx, req.actor!, req.params.id, req.params.evidenceId, display);
      const name = display ? `缩略图-${row.originalName}` : row.originalName;
      return reply.header('content-type', row.mime).header('content-disposition', attachmentHeader(name, 'evidence')).send(body);
    },
  );
}
