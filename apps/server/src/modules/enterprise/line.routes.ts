import { IdParam, Line, LineBody, LineUpdateBody, Ok, VersionQuery } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import * as service from './line.service.ts';

// Write abilities are checked in the service after scope, so out of scope answers 404, read-only 403.
export function lineRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['lines'];
  const config = { ability: 'enterprise:read' as const };
  app.post(
    '/api/v1/enterprises/:id/lines',
    { config, schema: { tags, summary: '新增生产线（设备）', params: IdParam, body: LineBody, response: { 201: Line } } },
    async (req, reply) => reply.status(201).send(await service.createLine(ctx.db, ctx.clock, req.actor!, req.params.id, req.body)),
  );
  app.put(
    '/api/v1/lines/:id',
    { config, schema: { tags, summary: '修改生产线（带版本号）', params: IdParam, body: LineUpdateBody, response: { 200: Line } } },
    async (req) => service.updateLine(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/lines/:id',
    { config, schema: { tags, summary: '删除生产线（带版本号）', params: IdParam, querystring: VersionQuery, response: { 200: Ok } } },
    async (req) => {
      await service.deleteLine(ctx.db, ctx.clock, req.actor!, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
}
