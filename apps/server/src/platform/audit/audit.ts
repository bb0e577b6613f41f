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
  const scope = await auditRepository.scopeOf(tx, fields.regionCode);
  await auditRepository.insert(tx, { ...fields, ...scope, prevHash, hash: chainHash(prevHash, fields) });
}
