import {
  CandidateLine,
  CandidateLineQuery,
  IdParam,
  RollupQuery,
  SurveyFiling,
  SurveyFilingBody,
  SurveyResubmitBody,
  SurveyRollup,
  VerificationBody,
} from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { prepareRollupExport } from './rollup-export.ts';
import { surveyRollup } from './rollup.service.ts';
import * as service from './survey.service.ts';
import { verifySurvey } from './verification.service.ts';

export function surveyRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['surveys'];
  app.get(
    '/api/v1/survey-filings/candidate-lines',
    {
      schema: {
        tags,
        summary: '可列入摸底排查报送的生产线（本地区报送范围内台账中未淘汰的生产线；q 按企业名称或信用代码）',
        querystring: CandidateLineQuery,
        response: { 200: z.array(CandidateLine) },
      },
    },
    async (req) => service.candidateLines(ctx.db, req.actor!, req.query),
  );
  app.post(
    '/api/v1/survey-filings',
    {
      schema: {
        tags,
        summary: '报送摸底排查结果：列出台账中的生产线（保存产能快照），或零报告（须写明情况）',
        body: SurveyFilingBody,
        response: { 201: SurveyFiling },
      },
    },
    async (req, reply) => reply.status(201).send(await service.submitSurvey(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.get(
    '/api/v1/survey-filings/:id',
    { schema: { tags, summary: '摸底排查报送详情（生产线、分单位合计、现场核查结果）', params: IdParam, response: { 200: SurveyFiling } } },
    async (req) => service.getSurvey(ctx.db, ctx.clock, req.actor!, req.params.id),
  );
  app.post(
    '/api/v1/survey-filings/:id/resubmit',
    {
      schema: {
        tags,
        summary: '被退回后修改并重新报送摸底排查结果（原内容保留在报送历史中）',
        params: IdParam,
        body: SurveyResubmitBody,
        response: { 200: SurveyFiling },
      },
    },
    async (req) => service.resubmitSurvey(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/v1/survey-filings/:id/verifications',
    {
      schema: {
        tags,
        summary: '录入现场核查结果（上级办公室；须先接收）：逐条核实无误/现场未发现/与上报不符，有问题的退回报送单位',
        params: IdParam,
        body: VerificationBody,
        response: { 200: SurveyFiling },
      },
    },
    async (req) => verifySurvey(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.get(
    '/api/v1/survey-rollup',
    {
      schema: {
        tags,
        summary: '摸底排查汇总：某地区某年各下级（按报送关系）已报送 N 条（分单位产能）/ 零报告 / 未报送，可逐级展开',
        querystring: RollupQuery,
        response: { 200: SurveyRollup },
      },
    },
    async (req) => surveyRollup(ctx.db, req.actor!, req.query),
  );
  app.get(
    '/api/v1/survey-rollup/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出摸底排查汇总（xlsx：全部层级按树的顺序，区划名称按层级缩进，另列上级区划；产能分单位列示）',
        querystring: RollupQuery.omit({ depth: true }),
      },
    },
    async (req, reply) => sendXlsx(reply, req.log, await prepareRollupExport(ctx.db, ctx.clock, req.actor!, req.query)),
  );
}
