import {
  Filing,
  FilingBody,
  FilingListQuery,
  FilingMatrix,
  FilingRequirement,
  FilingRequirementBody,
  FilingRequirementQuery,
  FilingRequirementSummary,
  FilingRequirementUpdateBody,
  FilingSummary,
  IdParam,
  MatrixQuery,
  NonSubmitterQuery,
  NonSubmitters,
} from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { filingListRoutes } from './filing-lists.routes.ts';
import * as filings from './filing.service.ts';
import { filingMatrix, nonSubmitters } from './monitoring.service.ts';
import * as service from './requirement.service.ts';

export function filingRequirementRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['filing-requirements'];
  filingListRoutes(app, ctx);
  app.get(
    '/api/v1/filing-requirements',
    {
      schema: {
        tags,
        summary: '报送要求列表：view=issued 本单位及下级下达的；view=addressed 下达给本单位的（含本期状态与剩余工作日）',
        querystring: FilingRequirementQuery,
        response: { 200: z.array(FilingRequirementSummary) },
      },
    },
    async (req) => service.listRequirements(ctx.db, ctx.clock, req.actor!, req.query),
  );
  app.post(
    '/api/v1/filing-requirements',
    {
      schema: {
        tags,
        summary: '下达报送要求（领导小组办公室）：报送对象为全部下一级（按报送关系，省直管县向省报送）、指定下级或成员单位',
        body: FilingRequirementBody,
        response: { 201: FilingRequirement },
      },
    },
    async (req, reply) => reply.status(201).send(await service.issueRequirement(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.get(
    '/api/v1/filing-requirements/:id',
    { schema: { tags, summary: '报送要求详情（期次与截止日期、报送对象、可执行操作）', params: IdParam, response: { 200: FilingRequirement } } },
    async (req) => service.getRequirement(ctx.db, ctx.clock, req.actor!, req.params.id),
  );
  app.put(
    '/api/v1/filing-requirements/:id',
    {
      schema: {
        tags,
        summary: '修改报送要求（标题、说明、期限、填报项、提醒天数；带版本号）',
        params: IdParam,
        body: FilingRequirementUpdateBody,
        response: { 200: FilingRequirement },
      },
    },
    async (req) => service.updateRequirement(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.get(
    '/api/v1/filing-requirements/:id/filings',
    {
      schema: {
        tags,
        summary: '某报送要求的报送（下达单位看全部，报送单位看本单位的；period 筛选期次）',
        params: IdParam,
        querystring: FilingListQuery,
        response: { 200: z.array(FilingSummary) },
      },
    },
    async (req) => filings.listFilings(ctx.db, ctx.clock, req.actor!, req.params.id, req.query.period),
  );
  app.post(
    '/api/v1/filing-requirements/:id/filings',
    {
      schema: {
        tags,
        summary: '报送（被要求单位；摸底排查结果请用 /survey-filings）；periodKey 省略为当期',
        params: IdParam,
        body: FilingBody,
        response: { 201: Filing },
      },
    },
    async (req, reply) => {
      const id = await filings.submitFiling(ctx.db, ctx.clock, req.actor!, req.params.id, req.body);
      return reply.status(201).send(await filings.getFiling(ctx.db, ctx.clock, req.actor!, id));
    },
  );
  app.get(
    '/api/v1/filing-requirements/:id/non-submitters',
    {
      schema: {
        tags,
        summary: '未报送单位名单（某期；含逾期工作日数）',
        params: IdParam,
        querystring: NonSubmitterQuery,
        response: { 200: NonSubmitters },
      },
    },
    async (req) => nonSubmitters(ctx.db, ctx.clock, req.actor!, req.params.id, req.query.period),
  );
  app.get(
    '/api/v1/filing-matrix',
    {
      schema: {
        tags,
        summary: '报送情况总表：下级单位 × 本级下达的报送要求（各要求当期状态）',
        querystring: MatrixQuery,
        response: { 200: FilingMatrix },
      },
    },
    async (req) => filingMatrix(ctx.db, ctx.clock, req.actor!, req.query),
  );
}
