import {
  CreateWorkPlanBody,
  CurrentPhase,
  CurrentPhaseQuery,
  EffectivePlanQuery,
  EffectiveWorkPlan,
  IdParam,
  UpdateWorkPlanBody,
  WorkPlan,
  WorkPlanListQuery,
  WorkPlanQuery,
  WorkPlanSummary,
  WorkPlanTemplateInfo,
  listPageOf,
} from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { currentPhase, effectivePlan } from './current-phase.service.ts';
import { listLowerPlanPage, prepareLowerPlanExport } from './work-plan-list.ts';
import * as service from './work-plan.service.ts';

export function workPlanRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['work-plans'];
  app.get(
    '/api/v1/work-plans/templates',
    { schema: { tags, summary: '工作方案模板（常规三阶段；“清零行动”四阶段）', response: { 200: z.array(WorkPlanTemplateInfo) } } },
    async () => service.listTemplates(),
  );
  app.get(
    '/api/v1/work-plans/current-phase',
    {
      schema: {
        tags,
        summary: '当前阶段（首页用）：本地区方案或最近上级方案中某日所处阶段，及“剩余 N 个工作日”',
        querystring: CurrentPhaseQuery,
        response: { 200: CurrentPhase },
      },
    },
    async (req) => currentPhase(ctx.db, ctx.clock, req.actor!, req.query),
  );
  app.get(
    '/api/v1/work-plans/effective',
    {
      schema: {
        tags,
        summary: '某地区某年适用的工作方案（本级方案，或沿报送关系最近的上级方案）',
        querystring: EffectivePlanQuery,
        response: { 200: EffectiveWorkPlan },
      },
    },
    async (req) => effectivePlan(ctx.db, ctx.clock, req.actor!, req.query),
  );
  app.get(
    '/api/v1/work-plans',
    {
      schema: {
        tags,
        summary: '工作方案列表（管辖范围内各级及本级的上级方案；可按地区、年度筛选）',
        querystring: WorkPlanQuery,
        response: { 200: z.array(WorkPlanSummary) },
      },
    },
    async (req) => service.listPlans(ctx.db, req.actor!, req.query),
  );
  app.get(
    '/api/v1/work-plans/lower',
    {
      schema: {
        tags,
        summary: '下级工作方案列表页（管辖范围内下级区划的方案；分页，按区划排序）',
        querystring: WorkPlanListQuery,
        response: { 200: listPageOf(WorkPlanSummary) },
      },
    },
    async (req) => listLowerPlanPage(ctx.db, req.actor!, req.query),
  );
  app.get(
    '/api/v1/work-plans/lower.xlsx',
    { schema: { tags, summary: '按列表筛选条件导出下级工作方案（xlsx）', querystring: WorkPlanQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareLowerPlanExport(ctx.db, ctx.clock, req.actor!, req.query)),
  );
  app.post(
    '/api/v1/work-plans',
    {
      schema: {
        tags,
        summary: '制定本级年度工作方案：按模板、自定义，或依据上级方案（只能收紧各阶段时间）',
        body: CreateWorkPlanBody,
        response: { 201: WorkPlan },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createPlan(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.get(
    '/api/v1/work-plans/:id',
    { schema: { tags, summary: '工作方案详情（各阶段及上级阶段范围）', params: IdParam, response: { 200: WorkPlan } } },
    async (req) => service.getPlan(ctx.db, req.actor!, req.params.id),
  );
  app.put(
    '/api/v1/work-plans/:id',
    {
      schema: {
        tags,
        summary: '修改工作方案名称和阶段（带版本号；依据上级方案的只能调整时间）',
        params: IdParam,
        body: UpdateWorkPlanBody,
        response: { 200: WorkPlan },
      },
    },
    async (req) => service.updatePlan(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
}
