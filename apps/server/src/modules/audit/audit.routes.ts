import { AuditCheckpointRunResult, AuditEntry, AuditFilterQuery, AuditQuery, AuditVerifyResult, listPageOf } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { prepareAuditExport } from './audit-export.ts';
import { runAuditCheckpoint } from './audit.jobs.ts';
import { listAudit, verifyAudit } from './audit.service.ts';

export function auditRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/v1/audit',
    {
      config: { ability: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志（按操作人、动作、对象、区划、时间筛选；限本辖区；页码或游标分页，按序号排序）',
        querystring: AuditQuery,
        response: { 200: listPageOf(AuditEntry) },
      },
    },
    async (req) => listAudit(ctx.db, req.actor!, req.query),
  );
  app.get(
    '/api/v1/audit/export.xlsx',
    {
      config: { ability: 'audit:read' },
      schema: { tags: ['audit'], summary: '按列表筛选条件导出审计日志（xlsx，全部符合条件的记录；限本辖区）', querystring: AuditFilterQuery },
    },
    async (req, reply) => sendXlsx(reply, req.log, await prepareAuditExport(ctx.db, ctx.clock, req.actor!, req.query)),
  );
  app.get(
    '/api/v1/audit/verify',
    {
      config: { ability: 'audit:read' },
      schema: { tags: ['audit'], summary: '校验审计日志哈希链及锚点（通过后记录新锚点）', response: { 200: AuditVerifyResult } },
    },
    async (req) => verifyAudit(ctx, req.actor!, req.log),
  );
  app.post(
    '/api/v1/jobs/audit-checkpoint/run',
    {
      config: { ability: 'settings:manage' },
      schema: { tags: ['jobs'], summary: '立即记录当日审计锚点（管理员；当日已有则不重复记录）', response: { 200: AuditCheckpointRunResult } },
    },
    async (req) => runAuditCheckpoint(ctx, req.log, req.actor!),
  );
}
