import { AuditEntry, AuditQuery, AuditVerifyResult, pageOf } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { listAudit } from './audit.service.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';

export function auditRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/v1/audit',
    {
      config: { ability: 'audit:read' },
      schema: { tags: ['audit'], summary: '审计日志（按操作人、动作、对象、时间筛选）', querystring: AuditQuery, response: { 200: pageOf(AuditEntry) } },
    },
    async (req) => listAudit(ctx.db, req.actor!, req.query),
  );
  app.get(
    '/api/v1/audit/verify',
    { config: { ability: 'audit:read' }, schema: { tags: ['audit'], summary: '校验审计日志哈希链', response: { 200: AuditVerifyResult } } },
    async () => verifyAuditChain(ctx.db),
  );
}
