import {
  IdParam,
  LifecycleHistory,
  Ok,
  ProgressQuery,
  Target,
  TargetAllocationsBody,
  TargetChildRegion,
  TargetCreateBody,
  TargetLineCandidatePage,
  TargetLineCandidateQuery,
  TargetLinesBody,
  TargetProgress,
  TargetQuery,
  TargetSummary,
  TargetTransitionBody,
  TargetUpdateBody,
  VersionQuery,
} from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import * as decompose from './target-decompose.service.ts';
import { targetProgress } from './target-progress.service.ts';
import * as service from './target.service.ts';
import { targetHistory, transitionTarget } from './target-transition.service.ts';

// Writes are checked in the service after scope (out of scope 404, not the region's office 403).
export function targetRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['targets'];
  const config = { ability: 'enterprise:read' as const };
  app.get(
    '/api/v1/targets',
    { config, schema: { tags, summary: '目标任务列表（区划、年度、行业；subtree=true 含下级）', querystring: TargetQuery, response: { 200: z.array(TargetSummary) } } },
    async (req) => service.listTargets(ctx.db, req.actor!, req.query),
  );
  app.get(
    '/api/v1/targets/progress',
    {
      config,
      schema: {
        tags,
        summary: '目标任务完成进度：分行业、分单位的目标/已分解/已落实到生产线/已淘汰及完成率，含下级区划',
        querystring: ProgressQuery,
        response: { 200: TargetProgress },
      },
    },
    async (req) => targetProgress(ctx.db, req.actor!, req.query),
  );
  app.post(
    '/api/v1/targets',
    { config, schema: { tags, summary: '录入上级下达的本级目标任务', body: TargetCreateBody, response: { 201: Target } } },
    async (req, reply) => reply.status(201).send(await service.createTarget(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.get(
    '/api/v1/targets/:id',
    { config, schema: { tags, summary: '目标任务详情（含分解情况、落实的生产线和可执行操作）', params: IdParam, response: { 200: Target } } },
    async (req) => service.getTarget(ctx.db, req.actor!, req.params.id),
  );
  app.put(
    '/api/v1/targets/:id',
    { config, schema: { tags, summary: '修改本级录入的目标任务（带版本号）', params: IdParam, body: TargetUpdateBody, response: { 200: Target } } },
    async (req) => service.updateTarget(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/targets/:id',
    { config, schema: { tags, summary: '删除本级录入且未分解的目标任务（带版本号）', params: IdParam, querystring: VersionQuery, response: { 200: Ok } } },
    async (req) => {
      await service.deleteTarget(ctx.db, ctx.clock, req.actor!, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/v1/targets/:id/child-regions',
    { config, schema: { tags, summary: '可分解到的下级区划及其已分得的任务', params: IdParam, response: { 200: z.array(TargetChildRegion) } } },
    async (req) => decompose.childRegions(ctx.db, req.actor!, req.params.id),
  );
  app.put(
    '/api/v1/targets/:id/allocations',
    {
      config,
      schema: { tags, summary: '将目标任务分解到下级区划（整体替换，带版本号）', params: IdParam, body: TargetAllocationsBody, response: { 200: Target } },
    },
    async (req) => decompose.setAllocations(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.get(
    '/api/v1/targets/:id/line-candidates',
    {
      config,
      schema: { tags, summary: '县级目标任务可落实的本县同行业生产线（游标分页）', params: IdParam, querystring: TargetLineCandidateQuery, response: { 200: TargetLineCandidatePage } },
    },
    async (req) => decompose.lineCandidates(ctx.db, req.actor!, req.params.id, req.query),
  );
  app.put(
    '/api/v1/targets/:id/lines',
    {
      config,
      schema: { tags, summary: '将县级目标任务分解到企业和生产线（整体替换，带版本号）', params: IdParam, body: TargetLinesBody, response: { 200: Target } },
    },
    async (req) => decompose.setLines(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/v1/targets/:id/transitions',
    {
      config,
      schema: { tags, summary: '报送、退回或批准目标分解（由上级领导小组办公室审批，省直管县由省级审批）', params: IdParam, body: TargetTransitionBody, response: { 200: Target } },
    },
    async (req) => transitionTarget(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.get(
    '/api/v1/targets/:id/history',
    { config, schema: { tags, summary: '目标分解履历（报送、退回、批准，含原因和审核意见）', params: IdParam, response: { 200: LifecycleHistory } } },
    async (req) => targetHistory(ctx.db, req.actor!, req.params.id),
  );
}
