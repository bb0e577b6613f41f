import {
  IdParam,
  LifecycleHistory,
  listPageOf,
  Ok,
  Plan,
  PlanCandidatePage,
  PlanCandidateQuery,
  PlanCreateBody,
  PlanLineParams,
  PlanLinesAddBody,
  PlanLineUpdateBody,
  PlanFilterQuery,
  PlanQuery,
  PlanSummary,
  PlanTransitionBody,
  PlanUpdateBody,
  VersionQuery,
} from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import * as service from './elimination-plan.service.ts';
import { preparePlanExport } from './elimination-plan-export.ts';
import { preparePlanListExport } from './plan-list-export.ts';
import * as lines from './elimination-plan-lines.service.ts';
import { planHistory, transitionPlan } from './elimination-plan-transition.service.ts';

// Writes are checked in the services after scope (out of scope 404, not the drafter or approver 403).
export function eliminationPlanRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['elimination-plans'];
  const config = { ability: 'enterprise:read' as const };
  const base = '/api/v1/elimination-plans';
  app.get(
    base,
    { config, schema: { tags, summary: '淘汰计划列表（区划、年度、状态筛选；页码分页，按区划排序）', querystring: PlanQuery, response: { 200: listPageOf(PlanSummary) } } },
    async (req) => service.listPlans(ctx.db, req.actor!, req.query),
  );
  app.get(
    `${base}/list.xlsx`,
    { config, schema: { tags, summary: '按列表筛选条件导出淘汰计划列表（xlsx，全部符合条件的计划）', querystring: PlanFilterQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await preparePlanListExport(ctx.db, ctx.clock, req.actor!, req.query)),
  );
  app.post(
    base,
    { config, schema: { tags, summary: '编制本级年度淘汰计划（草稿）', body: PlanCreateBody, response: { 201: Plan } } },
    async (req, reply) => reply.status(201).send(await service.createPlan(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.get(
    `${base}/:id`,
    { config, schema: { tags, summary: '淘汰计划详情（含生产线、分单位合计和可执行操作）', params: IdParam, response: { 200: Plan } } },
    async (req) => service.getPlan(ctx.db, req.actor!, req.params.id),
  );
  app.put(
    `${base}/:id`,
    { config, schema: { tags, summary: '修改计划名称和说明（草稿，带版本号）', params: IdParam, body: PlanUpdateBody, response: { 200: Plan } } },
    async (req) => service.updatePlan(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.delete(
    `${base}/:id`,
    { config, schema: { tags, summary: '删除草稿计划（带版本号）', params: IdParam, querystring: VersionQuery, response: { 200: Ok } } },
    async (req) => {
      await service.deletePlan(ctx.db, ctx.clock, req.actor!, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.get(
    `${base}/:id/candidates`,
    {
      config,
      schema: { tags, summary: '可列入计划的本区划生产线（未淘汰、未列入；游标分页）', params: IdParam, querystring: PlanCandidateQuery, response: { 200: PlanCandidatePage } },
    },
    async (req) => lines.planCandidates(ctx.db, req.actor!, req.params.id, req.query),
  );
  app.post(
    `${base}/:id/lines`,
    { config, schema: { tags, summary: '将生产线列入计划并确定淘汰期限（草稿，带版本号）', params: IdParam, body: PlanLinesAddBody, response: { 200: Plan } } },
    async (req) => lines.addPlanLines(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.put(
    `${base}/:id/lines/:lineId`,
    { config, schema: { tags, summary: '修改计划中生产线的淘汰期限（草稿，带版本号）', params: PlanLineParams, body: PlanLineUpdateBody, response: { 200: Plan } } },
    async (req) => lines.updatePlanLine(ctx.db, ctx.clock, req.actor!, req.params.id, req.params.lineId, req.body),
  );
  app.delete(
    `${base}/:id/lines/:lineId`,
    { config, schema: { tags, summary: '将生产线移出计划（草稿，带版本号）', params: PlanLineParams, querystring: VersionQuery, response: { 200: Plan } } },
    async (req) => lines.removePlanLine(ctx.db, ctx.clock, req.actor!, req.params.id, req.params.lineId, req.query.version),
  );
  app.post(
    `${base}/:id/transitions`,
    {
      config,
      schema: { tags, summary: '报送、撤回、退回或批准计划（批准后生产线状态变为已列入计划）', params: IdParam, body: PlanTransitionBody, response: { 200: Plan } },
    },
    async (req) => transitionPlan(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.get(
    `${base}/:id/history`,
    { config, schema: { tags, summary: '计划履历（报送、退回、批准，含原因和审核意见）', params: IdParam, response: { 200: LifecycleHistory } } },
    async (req) => planHistory(ctx.db, req.actor!, req.params.id),
  );
  app.get(
    `${base}/:id/export.xlsx`,
    { config, schema: { tags, summary: '导出公告用淘汰计划清单（xlsx，分单位合计）', params: IdParam } },
    async (req, reply) => sendXlsx(reply, req.log, await preparePlanExport(ctx.db, req.actor!, req.params.id)),
  );
}
