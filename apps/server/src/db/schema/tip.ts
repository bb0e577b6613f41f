import { bigint, boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * 举报 (issue 13, ADR 0025; 002 §四(三), 003 §四(三)). What is NOT here is the point: no client address, no
 * User-Agent, no referrer, no receipt code (only its slow hash), no identity in clear (SM4-sealed with HMAC-SM3,
 * under a key outside the database). Attachments are stored only as metadata-stripped copies.
 */
export const tip = pgTable(
  'tip',
  {
    id: serial('id').primaryKey(),
    /** scrypt(normalised code, installation salt): deterministic so the code finds its tip; the code itself is never stored. */
    receiptHash: text('receipt_hash').notNull(),
    /** The place (township, or county when unknown) the tip is about. */
    regionCode: text('region_code').notNull(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }),
    /** Free text when the enterprise is not registered (or as the tipster wrote it). */
    enterpriseName: text('enterprise_name'),
    address: text('address'),
    matter: text('matter').notNull(),
    /** CASE_CRITERIA value when matter = department_criterion. */
    criterion: text('criterion'),
    aboutOfficials: boolean('about_officials').notNull().default(false),
    content: text('content').notNull(),
    identityKind: text('identity_kind').notNull(),
    /** sealText(JSON {name, phone, idNumber}); null when anonymous. */
    identitySealed: text('identity_sealed'),
    /** Who handles it: the county office of the place, or the level above (about officials), or a member department. */
    handlingRegionCode: text('handling_region_code').notNull(),
    handlingAgencyId: integer('handling_agency_id'),
    /** Forwarded once (转办), with a reason. */
    forwardedFromRegionCode: text('forwarded_from_region_code'),
    forwardReason: text('forward_reason'),
    status: text('status').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** The deadline in force; `originalDeadline` keeps the first one when an extension moves it. */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    originalDeadline: date('original_deadline', { mode: 'string' }).notNull(),
    extensionReason: text('extension_reason'),
    /** Set by the overdue sweep: the level above that now supervises it (and sees it on its dashboard). */
    escalatedToRegionCode: text('escalated_to_region_code'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true, mode: 'date' }),
    finding: text('finding'),
    /** The reply to the tipster (required to conclude) and the measures taken (published). */
    reply: text('reply'),
    measures: text('measures'),
    draftedBy: integer('drafted_by'),
    concludedBy: integer('concluded_by'),
    concludedOn: date('concluded_on', { mode: 'string' }),
    /** Set when concluded: the result (without tipster data) is on the public site. */
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    identityRevealedAt: timestamp('identity_revealed_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('tip_receipt_hash_idx').on(t.receiptHash),
    index('tip_handling_status_idx').on(t.handlingRegionCode, t.status),
    index('tip_status_deadline_idx').on(t.status, t.deadline),
    index('tip_escalated_idx').on(t.escalatedToRegionCode),
    index('tip_published_idx').on(t.publishedAt),
  ],
);

/** A tip's attachments: stored_file rows holding only the stripped copy (the original is never written). */
export const tipFile = pgTable(
  'tip_file',
  {
    id: serial('id').primaryKey(),
    tipId: integer('tip_id').notNull(),
    storedFileId: integer('stored_file_id').notNull(),
    /** Who added it: the tipster (at filing or in the thread) or the office (check evidence). */
    source: text('source').notNull(),
  },
  (t) => [index('tip_file_tip_idx').on(t.tipId)],
);

/** The thread between the tipster (by receipt code) and the handling office; `system` tells of forwards, extensions, reveals. */
export const tipMessage = pgTable(
  'tip_message',
  {
    id: serial('id').primaryKey(),
    tipId: integer('tip_id').notNull(),
    author: text('author').notNull(),
    body: text('body').notNull(),
    /** The office account that wrote it (never shown to the tipster); null for the tipster and the system. */
    userId: integer('user_id'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('tip_message_tip_idx').on(t.tipId, t.at)],
);

/** 核查记录: a site visit or other check, its findings and evidence (stored_file ids). */
export const tipCheck = pgTable(
  'tip_check',
  {
    id: serial('id').primaryKey(),
    tipId: integer('tip_id').notNull(),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    method: text('method').notNull(),
    inspectors: text('inspectors').notNull(),
    findings: text('findings').notNull(),
    files: jsonb('files').notNull().default([]),
    recordedBy: integer('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('tip_check_tip_idx').on(t.tipId)],
);

/** What a substantiated tip produced (TIP_LINK_KINDS): a line, a case, a reopened exit task, a relocation flag, 瞒报. */
export const tipLink = pgTable(
  'tip_link',
  {
    id: serial('id').primaryKey(),
    tipId: integer('tip_id').notNull(),
    kind: text('kind').notNull(),
    /** The line, case, exit task or data-quality flag id; null for concealment. */
    targetId: bigint('target_id', { mode: 'number' }),
    /** For concealment: the region whose officials answer for it (read by the assessment); else the target's region. */
    regionCode: text('region_code').notNull(),
    /** The year the assessment counts it in. */
    year: integer('year').notNull(),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('tip_link_tip_idx').on(t.tipId), index('tip_link_kind_region_idx').on(t.kind, t.regionCode, t.year)],
);

/** A region's own deadline for tips (working days); absent → TIP_DEFAULT_DEADLINE_WORKING_DAYS. */
export const tipSetting = pgTable('tip_setting', {
  regionCode: text('region_code').primaryKey(),
  deadlineWorkingDays: integer('deadline_working_days').notNull(),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
