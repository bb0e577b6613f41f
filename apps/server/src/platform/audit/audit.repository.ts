import { and, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export const auditRepository = {
  /** Serialises appends so two transactions never chain onto the same predecessor. */
  async lockChain(db: Db): Promise<void> {
    await db.execute(sql`SELECT pg_advisory_xact_lock(734001)`);
  },
  async lastHash(db: Db): Promise<string | null> {
    const rows = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    return rows[0]?.hash ?? null;
  },
  async insert(db: Db, row: Omit<AuditRow, 'id'>): Promise<void> {
    await db.insert(auditLog).values(row);
  },
  async batchAfter(db: Db, afterId: number, limit: number): Promise<AuditRow[]> {
    return db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.id} > ${afterId}`)
      .orderBy(auditLog.id)
      .limit(limit);
  },
  async list(
    db: Db,
    f: {
      actor?: string;
      action?: string;
      entityType?: string;
      entityId?: string;
      from?: Date;
      to?: Date;
      beforeId?: number;
      regionCodes?: { column: 'all' } | { prefix: string[] };
      limit: number;
    },
  ): Promise<AuditRow[]> {
    const conds = [
      f.actor ? eq(auditLog.actorName, f.actor) : undefined,
      f.action ? eq(auditLog.action, f.action) : undefined,
      f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
      f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
      f.from ? gte(auditLog.at, f.from) : undefined,
      f.to ? lte(auditLog.at, f.to) : undefined,
      f.beforeId ? lt(auditLog.id, f.beforeId) : undefined,
    ].filter(Boolean);
    return db
      .select()
      .from(auditLog)
      .where(and(...conds))
      .orderBy(desc(auditLog.id))
      .limit(f.limit);
  },
};
