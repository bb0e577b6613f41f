import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained: `hash` = SM3(prevHash + canonical form of the row).
 * Changing or deleting a row breaks the chain at the next row; see platform/audit.
 * A trigger refuses UPDATE, DELETE and TRUNCATE (migration audit_protect_sql, ADR 0009).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    regionCode: text('region_code'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    // Ancestors of region_code, copied from `region` at write time so an auditor's scope is one indexed
    // equality (ADR 0002). Derived from the chained region_code, so not part of the hash; null without a region.
    provinceCode: text('province_code'),
    prefectureCode: text('prefecture_code'),
    countyCode: text('county_code'),
    townshipCode: text('township_code'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorName, t.id),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_province_idx').on(t.provinceCode, t.id),
    index('audit_log_prefecture_idx').on(t.prefectureCode, t.id),
    index('audit_log_county_idx').on(t.countyCode, t.id),
    index('audit_log_township_idx').on(t.townshipCode, t.id),
  ],
);

/**
 * The chain's head anchored outside `audit_log` (ADR 0009): a signed record of (last id, its hash, how many
 * entries up to it). Taken daily and after each passing verification; append-only like the log itself.
 * `signature` is HMAC-SM3 with a key kept outside the database, so rewriting the chain cannot re-anchor it.
 */
export const auditCheckpoint = pgTable('audit_checkpoint', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  takenAt: timestamp('taken_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  /** daily (the job) or verify (after a verification passed). */
  kind: text('kind').notNull(),
  lastAuditId: bigint('last_audit_id', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  entryCount: bigint('entry_count', { mode: 'number' }).notNull(),
  signature: text('signature').notNull(),
});
