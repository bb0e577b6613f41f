import { and, asc, desc, eq, gt, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, region } from '../../db/schema/index.ts';

export type AuditRow = typeof auditLog.$inferSelect;
/** The ancestor columns that scope an entry (ADR 0002); all null when the entry has no region. */
export type AuditScopeColumns = Pick<AuditRow, 'provinceCode' | 'prefectureCode' | 'countyCode' | 'townshipCode'>;
export type AuditScopeColumn = keyof AuditScopeColumns;

/** The audit list's filters; `scope` and `region` are each one equality on an ancestor column. */
export interface AuditFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  scope: { column: AuditScopeColumn; code: string } | null;
  region: { column: AuditScopeColumn; code: string } | null;
}

function filterConds(f: AuditFilter) {
  return [
    f.scope ? eq(auditLog[f.scope.column], f.scope.code) : undefined,
    f.region ? eq(auditLog[f.region.column], f.region.code) : undefined,
    f.actor ? eq(auditLog.actorName, f.actor) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lte(auditLog.at, f.to) : undefined,
  ];
}

export const auditRepository = {
  /** Serialises appends so two transactions never chain onto the same predecessor. */
  async lockChain(db: Db): Promise<void> {
    await db.execute(sql`SELECT pg_advisory_xact_lock(734001)`);
  },
  async lastHash(db: Db): Promise<string | null> {
    const rows = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    return rows[0]?.hash ?? null;
  },
  /** The region's ancestors as scoped tables store them: a township or park is its own township_code. */
  async scopeOf(db: Db, regionCode: string | null): Promise<AuditScopeColumns> {
    const none = { provinceCode: null, prefectureCode: null, countyCode: null, townshipCode: null };
    if (!regionCode) return none;
    const rows = await db
      .select({
        provinceCode: region.provinceCode,
        prefectureCode: region.prefectureCode,
        countyCode: region.countyCode,
        townshipCode: sql<string | null>`CASE WHEN ${region.level} IN ('township', 'park') THEN ${region.code} END`,
      })
      .from(region)
      .where(eq(region.code, regionCode));
    return rows[0] ?? none;
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
  /** The chain's head and how many entries lead up to it (under the chain lock, nothing is appended meanwhile). */
  async head(db: Db): Promise<{ id: number; hash: string; count: number } | null> {
    const rows = await db.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    if (!rows[0]) return null;
    const [c] = await db.select({ n: sql<number>`count(*)::bigint` }).from(auditLog);
    return { ...rows[0], count: Number(c!.n) };
  },
  /**
   * Newest first unless `ascending`; after `afterId` (keyset) or `offset` rows in (numbered pages). `scope` and
   * `region` are served by the `(column, id)` indexes; entries without a region only appear unscoped.
   */
  async list(db: Db, f: AuditFilter, at: { afterId: number | null; ascending?: boolean; offset?: number; limit: number }): Promise<AuditRow[]> {
    const { afterId, ascending = false, offset = 0 } = at;
    const conds = [...filterConds(f), afterId === null ? undefined : (ascending ? gt : lt)(auditLog.id, afterId)];
    return db
      .select()
      .from(auditLog)
      .where(and(...conds))
      .orderBy(ascending ? asc(auditLog.id) : desc(auditLog.id))
      .limit(at.limit)
      .offset(offset);
  },
  async count(db: Db, f: AuditFilter): Promise<number> {
    const [r] = await db.select({ n: sql<number>`count(*)::bigint` }).from(auditLog).where(and(...filterConds(f)));
    return Number(r?.n ?? 0);
  },
};
