import { date, index, integer, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * 公告 / 公示 of a region: a list built from records (the approved plan, sealed lines, accepted exits),
 * approved by the group office and published on the public site.
 */
export const announcement = pgTable(
  'announcement',
  {
    id: serial('id').primaryKey(),
    /** The issuing region (发布地区). */
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    /** plan_list | sealed_list | completed_list */
    kind: text('kind').notNull(),
    /** public_notice (公示, with a notice period) | announcement (公告) */
    form: text('form').notNull(),
    noticeWorkingDays: integer('notice_working_days'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The approved elimination plan a plan_list was built from. */
    sourcePlanId: integer('source_plan_id'),
    /** draft | submitted | approved | published | archived */
    status: text('status').notNull().default('draft'),
    returnReason: text('return_reason'),
    builtAt: timestamp('built_at', { withTimezone: true, mode: 'date' }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    submittedBy: integer('submitted_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    approvedBy: integer('approved_by'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    publishedBy: integer('published_by'),
    /** Beijing date of publication and the last day of the notice period (公示期至). */
    publishDate: date('publish_date', { mode: 'string' }),
    noticeEndDate: date('notice_end_date', { mode: 'string' }),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    /** The newer announcement of the same region and kind that replaced it; null when archived by hand. */
    supersededBy: integer('superseded_by'),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('announcement_region_kind_idx').on(t.regionCode, t.kind, t.status), index('announcement_status_idx').on(t.status, t.publishDate)],
);

/** A listed line as it stood when the announcement was built: later registry edits never change it. */
export const announcementItem = pgTable(
  'announcement_item',
  {
    id: serial('id').primaryKey(),
    announcementId: integer('announcement_id').notNull(),
    seq: integer('seq').notNull(),
    /** Where it came from (plan line, exit task): for the office only, never shown publicly. */
    sourceId: integer('source_id'),
    enterpriseName: text('enterprise_name').notNull(),
    uscc: text('uscc').notNull(),
    regionCode: text('region_code').notNull(),
    regionName: text('region_name').notNull(),
    lineName: text('line_name').notNull(),
    specification: text('specification').notNull().default(''),
    capacity: numeric('capacity', { precision: 14, scale: 4 }).notNull(),
    capacityUnit: text('capacity_unit').notNull(),
    unitName: text('unit_name').notNull(),
    /** plan_list: exit deadline; sealed_list: date sealed; completed_list: date accepted. */
    date: date('date', { mode: 'string' }),
    /** sealed_list: the date by which the sealed equipment must be dismantled. */
    dismantleDeadline: date('dismantle_deadline', { mode: 'string' }),
    /** sealed_list: the commitment and measures on file; otherwise empty. */
    commitment: text('commitment').notNull().default(''),
  },
  (t) => [index('announcement_item_ann_idx').on(t.announcementId, t.seq)],
);

/** 异议 filed by anyone during a public notice's notice period; the issuing office answers it. */
export const announcementObjection = pgTable(
  'announcement_objection',
  {
    id: serial('id').primaryKey(),
    announcementId: integer('announcement_id').notNull(),
    itemId: integer('item_id'),
    receiptCode: text('receipt_code').notNull(),
    content: text('content').notNull(),
    name: text('name'),
    /**
     * The objector's phone (optional) sealed with SM4 + HMAC-SM3 (platform/crypto/seal.ts), and a keyed hash of
     * it for the receipt look-up (ADR 0010). The clear `phone` and `ip` columns are legacy: boot seals what they
     * still hold and empties them (a migration cannot seal without the key).
     */
    phoneSealed: text('phone_sealed'),
    phoneHash: text('phone_hash'),
    /** Keyed hash of the client address, to tell repeated filings apart without keeping the address. */
    ipHash: text('ip_hash'),
    legacyPhone: text('phone'),
    legacyIp: text('ip'),
    filedAt: timestamp('filed_at', { withTimezone: true, mode: 'date' }).notNull(),
    answer: text('answer'),
    answeredBy: integer('answered_by'),
    answeredByName: text('answered_by_name'),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    /** open | answered: the objection's lifecycle (ADR 0012); answered once, never changed. */
    status: text('status').notNull().default('open'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('announcement_objection_receipt_uq').on(t.receiptCode), index('announcement_objection_ann_idx').on(t.announcementId, t.id)],
);
