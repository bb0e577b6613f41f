import type { AuditEntry, AuditQuery, FiltersOf, ListPage } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, LEVEL_COLUMN } from '../../platform/access/actor.ts';
import type { AuditSubject } from '../../platform/audit/audit.ts';
import { type AuditFilter, type AuditRow, auditRepository } from '../../platform/audit/audit.repository.ts';
import { type AuditAnchor, auditAnchor } from '../../platform/audit/checkpoint.ts';
import { verifyAuditLog } from '../../platform/audit/verify.ts';
import { invalid } from '../../platform/errors.ts';
import { cutPage, idCursor, pageWindow } from '../../platform/http/list-query.ts';
import { regionInActorScope } from '../region/index.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** An instant, or a calendar date in Beijing time: `from` its first moment, `to` (end) its last. */
const parseDate = (s: string | undefined, field: string, end = false) => {
  if (!s) return undefined;
  const d = DAY.test(s) ? new Date(`${s}T00:00:00+08:00`) : new Date(s);
  if (Number.isNaN(d.getTime())) throw invalid(`${field}不是有效日期`, [{ path: field, message: '日期格式不正确' }]);
  return DAY.test(s) && end ? new Date(d.getTime() + DAY_MS - 1) : d;
};

/**
 * The list's filters. A regional auditor reads the entries of its subtree only (ADR 0009); entries without a
 * region (system settings, seeds, checkpoints) are for national auditors and admins, whose scope is `all`.
 * A `regionCode` outside the scope answers 404, like the enterprise list. Shared by the list and its export.
 */
export async function auditFilter(db: Db, actor: Actor, q: FiltersOf<AuditQuery>): Promise<AuditFilter> {
  const { column, code } = actor.scope;
  let region: AuditFilter['region'] = null;
  if (q.regionCode) {
    const r = await regionInActorScope(db, actor, q.regionCode);
    region = { column: LEVEL_COLUMN[r.level]!, code: r.code };
  }
  return {
    actor: q.actor,
    action: q.action,
    entityType: q.entityType,
    entityId: q.entityId,
    from: parseDate(q.from, 'from'),
    to: parseDate(q.to, 'to', true),
    scope: column === 'all' ? null : { column, code },
    region,
  };
}

export const presentAuditEntry = (r: AuditRow): AuditEntry => ({
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
});

/** Newest first by default; the cursor is the last id seen. The total is counted only when asked for. */
export async function listAudit(db: Db, actor: Actor, q: AuditQuery): Promise<ListPage<AuditEntry>> {
  const w = pageWindow(q, 50);
  const afterId = idCursor(w.cursor);
  const filter = await auditFilter(db, actor, q);
  const [rows, total] = await Promise.all([
    auditRepository.list(db, filter, { afterId, ascending: q.sort === 'id', offset: w.offset, limit: w.size + 1 }),
    w.withTotal ? auditRepository.count(db, filter) : null,
  ]);
  const { rows: page, nextCursor } = cutPage(rows, w, (last) => String(last.id));
  return { items: page.map(presentAuditEntry), nextCursor, total, page: w.page, pageSize: w.size };
}

/**
 * Verification covers the whole chain whatever the auditor's region: a hash chain cannot be checked in parts,
 * and the answer names only entry ids and counts, never their content. A passing run anchors the verified head.
 */
export async function verifyAudit(ctx: AppContext, actor: AuditSubject, log: AuditAnchor['log']) {
  return verifyAuditLog(ctx.db, auditAnchor(ctx.config, log), { clock: ctx.clock, who: actor });
}
