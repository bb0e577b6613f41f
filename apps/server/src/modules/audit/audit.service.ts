import type { AuditEntry } from '@taotai/shared';
import type { z } from 'zod';
import type { AuditQuery } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { auditRepository } from '../../platform/audit/audit.repository.ts';
import { invalid } from '../../platform/errors.ts';

const parseDate = (s: string | undefined, field: string) => {
  if (!s) return undefined;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) throw invalid(`${field}不是有效日期`, [{ path: field, message: '日期格式不正确' }]);
  return d;
};

/** Newest first; the cursor is the last id seen. Auditors read the whole chain (it spans all regions). */
export async function listAudit(db: Db, _actor: Actor, q: z.infer<typeof AuditQuery>) {
  const rows = await auditRepository.list(db, {
    actor: q.actor,
    action: q.action,
    entityType: q.entityType,
    entityId: q.entityId,
    from: parseDate(q.from, 'from'),
    to: parseDate(q.to, 'to'),
    beforeId: q.cursor ? Number(q.cursor) : undefined,
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
