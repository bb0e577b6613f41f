import { z } from 'zod';
import { CaseCounts, CaseCountsQuery, CasePlanCandidate, CasePlanCandidateQuery, CaseTableQuery, DepartmentListEntry, DepartmentListFilterQuery, DepartmentListQuery, listPageOf } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { caseCounts, prepareCaseTable } from './case-table.ts';
import { prepareDepartmentListExport } from './department-list-export.ts';
import * as service from './department-list.service.ts';
import { casePlanCandidates } from './plan-candidate.service.ts';

// Scope is applied in the service: the caller's subtree, a department's own agency, an enterprise's own cases.
export function departmentListRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['department-lists'];
  const config = { ability: 'enterprise:read' as const };
  const today = () => todayInChina(ctx.clock.now());
  app.get(
    '/api/v1/department-lists',
    { config, schema: { tags, summary: '黄牌/红牌名单（按不达标类别；企业、生产线、产能、决定书文号、送达日期、整改期限）', querystring: DepartmentListQuery, response: { 200: listPageOf(DepartmentListEntry) } } },
    async (req) => service.listDepartmentList(ctx.db, req.actor!, req.query, today()),
  );
  app.get(
    '/api/v1/department-lists.xlsx',
    { config, schema: { tags, summary: '导出黄牌/红牌名单（xlsx，筛选条件同列表，全部符合条件的案件）', querystring: DepartmentListFilterQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareDepartmentListExport(ctx.db, req.actor!, req.query, today())),
  );
  app.get(
    '/api/v1/department-lists/plan-candidates',
    {
      config,
      schema: { tags, summary: '来自不达标案件的淘汰计划候选（责令关闭、未列入任何计划的生产线，附案件来源）', querystring: CasePlanCandidateQuery, response: { 200: z.array(CasePlanCandidate) } },
    },
    async (req) => casePlanCandidates(ctx.db, req.actor!, req.query),
  );
  app.get(
    '/api/v1/department-lists/counts',
    { config, schema: { tags, summary: '不达标案件按类别和状态统计、黄牌/红牌名单按部门统计（进度总览）', querystring: CaseCountsQuery, response: { 200: CaseCounts } } },
    async (req) => caseCounts(ctx.db, req.actor!, req.query.region),
  );
  app.get(
    '/api/v1/department-lists/case-table.xlsx',
    { config, schema: { tags, summary: '违法违规企业处理情况（按年度由不达标案件生成的报送表，xlsx）', querystring: CaseTableQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareCaseTable(ctx.db, req.actor!, req.query)),
  );
}
