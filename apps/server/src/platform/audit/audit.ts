import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import { auditRepository } from './audit.repository.ts';
import { chainHash, GENESIS_HASH } from './canonical.ts';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Who did it: a logged-in actor, or a named system process (seed, migration, login attempt). */
export type AuditSubject = Pick<Actor, 'userId' | 'username' | 'ip'>;
export const systemSubject = (name = 'system'): AuditSubject => ({ userId: null, username: name, ip: null });

/** JSON-safe copy (dates → ISO strings), so what is hashed is what jsonb gives back. */
const plain = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/**
 * Appends one hash-chained entry. Call it with the transaction that makes the change,
 * so the change and its record commit or vanish together.
 */
export async function recordAudit(tx: Db, who: AuditSubject, at: Date, e: AuditEvent): Promise<void> {
  await auditRepository.lockChain(tx);
  const prevHash = (await auditRepository.lastHash(tx)) ?? GENESIS_HASH;
  const fields = {
    at,
    actorId: who.userId,
    actorName: who.username,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId == null ? null : String(e.entityId),
    regionCode: e.regionCode ?? null,
    before: plain(e.before),
    after: plain(e.after),
    ip: who.ip,
  };
  await auditRepository.insert(tx, { ...fields, prevHash, hash: chainHash(prevHash, fields) });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  message: string;
}

/** Walks the whole chain in id order; a changed, inserted or deleted entry breaks it. */
export async function verifyAuditChain(db: Db): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await auditRepository.batchAfter(db, lastId, 5000);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.prevHash !== prev) {
        return { ok: false, checked, firstBrokenId: r.id, message: `第${r.id}号日志的前序哈希不符：其前一条日志被删除或篡改` };
      }
      if (chainHash(r.prevHash, r) !== r.hash) {
        return { ok: false, checked, firstBrokenId: r.id, message: `第${r.id}号日志内容与哈希不符：该条日志被篡改` };
      }
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
  }
  return { ok: true, checked, firstBrokenId: null, message: `审计日志完整，共校验${checked}条` };
}
