
import {
  DataQualityCounts,
  DataQualityCountsQuery,
  DataQualityFilterQuery,
  DataQualityFlag,
  DataQualityPage,
  DataQualityQuery,
  DataQualityRecheckBody,
  DataQualityRecheckResult,
  DataQualityResolveBody,
  IdParam,
  LifecycleHistory,
} from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { prepareFlagExport } from './data-quality-export.ts';
import { recheckFlags, runDataQualitySweep } from './data-quality-sweep.service.ts';
import * as service from './data-quality.service.ts';

export function dataQualityRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['data-quality'];
  const base = '/api/v1/data-quality/flags';
  app.get(
    base,
    { schema: { tags, summary: '数据质量标记（本地区及下级；按类别、状态、区划筛选）', querystring: DataQualityQuery, response: { 200: DataQualityPage } } },
    async (req) => service.listFlags(ctx.db, req.actor!, req.query),
  );
  app.get(
    '/api/v1/data-quality/counts',
    { schema: { tags, summary: '数据质量标记数量（本地区合计、分类别、分下级区划）', querystring: DataQualityCountsQuery, response: { 200: DataQualityCounts } } },
    async (req) => service.flagCounts(ctx.db, req.actor!, req.query.region),
  );
  app.get(
    '/api/v1/data-quality/flags.xlsx',
    { schema: { tags, summary: '导出数据质量标记（xlsx，筛选条件同列表，全部符合条件的标记）', querystring: DataQualityFilterQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareFlagExport(ctx.db, req.actor!, req.query, todayInChina(ctx.clock.now()))),
  );
  app.get(
    `${base}/:id`,
    { schema: { tags, summary: '数据质量标记详情', params: IdParam, response: { 200: DataQualityFlag } } },
    async (req) => service.getFlag(ctx.db, req.actor!, req.params.id),
  );
  app.get(
    `${base}/:id/history`,
    { schema: { tags, summary: '数据质量标记的办理履历（处理人、处理意见）', params: IdParam, response: { 200: LifecycleHistory } } },
    async (req) => service.flagHistory(ctx.db, req.actor!, req.params.id),
  );
  app.get(
    `${base}/:id/record/history`,
    { schema: { tags, summary: '被标记记录的办理履历（数据质量下钻；范围同标记）', params: IdParam, response: { 200: LifecycleHistory } } },
    async (req) => service.flagRecordHistory(ctx.db, req.actor!, req.params.id),
  );
  app.post(
    `${base}/:id/resolve`,
    {
      schema: { tags, summary: '处理数据质量标记（填写处理意见；标记不删除，由上级单位处理）', params: IdParam, body: DataQualityResolveBody, response: { 200: DataQualityFlag } },
    },
    async (req) => service.resolveFlag(ctx.db, ctx.clock, req.actor!, req.params.id, req.body.note),
  );
  app.post(
    '/api/v1/data-quality/recheck',
    {
      schema: {
        tags,
        summary: '重新检查（本地区及下级：上下级数据核对、台账异常；重复执行不重复标记，已消除的问题自动处理）',
        body: DataQualityRecheckBody,
        response: { 200: DataQualityRecheckResult },
      },
    },
    async (req) => recheckFlags(ctx.db, ctx.clock, req.actor!, req.body.region),
  );
  app.post(
    '/api/v1/jobs/data-quality-sweep/run',
    {
      config: { ability: 'settings:manage' },
      schema: { tags: ['jobs'], summary: '立即执行全国数据质量检查（管理员；每日自动执行，重复执行不重复标记）', response: { 200: DataQualityRecheckResult } },
    },
    async () => runDataQualitySweep(ctx.db, ctx.clock),
  );
}
