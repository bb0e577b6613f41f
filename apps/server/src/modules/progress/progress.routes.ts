import { ProgressPicture, ProgressPictureQuery } from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import * as service from './progress.service.ts';

const RebuildResult = z.object({ rollupRows: z.number().int(), ms: z.number().int() });

// Scope and role are checked in the service (out-of-scope region 404, enterprise users 403).
export function progressRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['progress'];
  app.get(
    '/api/v1/progress',
    {
      config: { ability: 'enterprise:read' },
      schema: { tags, summary: '退出进度看板：本区划及下级区划的计划、封存、拆除、验收、关闭产能与完成率', querystring: ProgressPictureQuery, response: { 200: ProgressPicture } },
    },
    async (req) => service.progressPicture(ctx.db, ctx.clock, req.actor!, req.query),
  );
  app.post(
    '/api/v1/progress/rebuild',
    { config: { ability: 'settings:manage' }, schema: { tags, summary: '按退出任务重新计算进度汇总表（管理员）', response: { 200: RebuildResult } } },
    async (req) => service.rebuildProgress(ctx.db, ctx.clock, req.actor!),
  );
}
