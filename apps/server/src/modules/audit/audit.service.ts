import type { AuditEntry, AuditQuery } from '@taotai/shared';
import type { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, LEVEL_COLUMN, type ScopeColumn } from '../../platform/access/actor.ts';
import type { AuditSubject } from '../../platform/audit/audit.ts';
import { auditRepository } from '../../platform/audit/audit.repository.ts';
import { type AuditAnchor, auditAnchor } from '../../platform/audit/checkpoint.ts';
import { verifyAuditLog } from '../../platform/audit/verify.ts';
import { invalid } from '../../platform/errors.ts';
import { regionInActorScope } from '../region/index.ts';

const parseDate = (s: string | undefined, field: string) => {
  if (!s) return undefined;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) throw invalid(`${field}不是有效日期`, [{ path: field, message: '日期格式不正确' }]);
  return d;
};

/**
 * Newest first; the cursor is the last id seen. A regional auditor reads the entries of its subtree only
 * (ADR 0009); entries without a region (system settings, seeds, checkpoints) are for national auditors and
 * admins, whose scope is `all`. A `regionCode` outside the scope answers 404, like the enterprise list.
 */
export async function listAudit(db: Db, actor: Actor, q: z.infer<typeof AuditQuery>) {
  const { column, code } = actor.scope;
  const scope = column === 'all' ? null : { column, code };
  let region: { column: Exclude<ScopeColumn, 'all'>; code: string } | null = null;
  if (q.regionCode) {
    const r = await regionInActorScope(db, actor, q.regionCode);
    region = { column: LEVEL_COLUMN[r.level]!, code: r.code };
  }
  const rows = await auditRepository.list(db, {
    actor: q.actor,
    action: q.action,
    entityType: q.entityType,
    entityId: q.entityId,
    from: parseDate(q.from, 'from'),
    to: parseDate(q.to, 'to'),
    beforeId: q.cursor ? Number(q.cursor) : undefined,
    scope,
    region,
    limit: q.limit + 1,
  });
  const items: AuditEntry[] = rows.slice(0, q.limit).map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    regionCode: r.regionCode,
    before: r.before,
    after: r.after,
    ip: r.ip,
  }));
  return { items, nextCursor: rows.length > q.limit ? String(items.at(-1)!.id) : null, total: null };
}

/**
 * Verification covers the whole chain whatever the auditor's region: a hash chain cannot be checked in parts,
 * and the answer names only entry ids and counts, never their content. A passing run anchors the verified head.
 */
export async function verifyAudit(ctx: AppContext, actor: AuditSubject, log: AuditAnchor['log']) {
  return verifyAuditLog(ctx.db, auditAnchor(ctx.config, log), { clock: ctx.clock, who: actor });
}
