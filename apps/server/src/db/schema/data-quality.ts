import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * 数据质量标记 (issue 10 §3–§4): an entry accepted only with a stated reason, or a likely problem found
 * at the point of entry (reused photo, over-decomposed target), raised for the level above to look at.
 * Scoped like enterprises (ADR 0002) so every level above the region sees it; resolved with a note,
 * never deleted.
 */
export const dataQualityFlag = pgTable(
  'data_quality_flag',
  {
    id: serial('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    provinceCode: text('province_code').notNull(),
    prefectureCode: text('prefecture_code'),
    countyCode: text('county_code'),
    townshipCode: text('township_code'),
    /** DATA_QUALITY_KINDS (packages/shared contracts/data-quality.ts) */
    kind: text('kind').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id').notNull(),
    message: text('message').notNull(),
    details: jsonb('details').notNull(),
    raisedBy: integer('raised_by'),
    raisedAt: timestamp('raised_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** open | resolved */
    status: text('status').notNull().default('open'),
    resolvedBy: integer('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolutionNote: text('resolution_note'),
    /**
     * What a sweep (reconciliation, registry anomalies; ADR 0018) found, e.g. `target:12` or
     * `no_lines:enterprise:5`: at most one open flag per finding, so re-running raises nothing twice.
     * Null for flags raised at the point of entry.
     */
    checkKey: text('check_key'),
  },
  (t) => [
    index('data_quality_flag_province_idx').on(t.provinceCode, t.id),
    index('data_quality_flag_prefecture_idx').on(t.prefectureCode, t.id),
    index('data_quality_flag_county_idx').on(t.countyCode, t.id),
    index('data_quality_flag_township_idx').on(t.townshipCode, t.id),
    index('data_quality_flag_entity_idx').on(t.entityType, t.entityId),
    uniqueIndex('data_quality_flag_open_check_uq').on(t.checkKey).where(sql`status = 'open' and check_key is not null`),
  ],
);
