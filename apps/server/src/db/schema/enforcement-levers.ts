import { bigint, date, index, integer, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The levers around the cycle (issue 12; 002 §三(三)(四)(八), 001 第五篇 §五): price and credit deliveries to the
 * agencies that apply them, the joint punishment list with its restrictions, and the post-deadline joint notice.
 * Every row carries the enterprise's (or the issuing office's) region and its ancestors (ADR 0002), so a scope
 * filter is one equality.
 */
const place = {
  regionCode: text('region_code').notNull(),
  provinceCode: text('province_code').notNull(),
  prefectureCode: text('prefecture_code'),
  countyCode: text('county_code'),
  townshipCode: text('township_code'),
};

/**
 * 价格、信贷措施送达: a listed enterprise sent to the agency that applies the measure (供电 for electricity
 * prices, the price department for water, 人民银行 for credit), acknowledged, applied, and removed.
 */
export const priceMeasureDelivery = pgTable(
  'price_measure_delivery',
  {
    id: serial('id').primaryKey(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).notNull(),
    /** The yellow or red case that lists the enterprise (the reason it is sent). */
    caseId: integer('case_id').notNull(),
    ...place,
    kind: text('kind').notNull(),
    recipientAgencyId: integer('recipient_agency_id').notNull(),
    /** The sending office's or department's agency (null for an office without an agency row). */
    senderAgencyId: integer('sender_agency_id'),
    /** 加价标准 in 元/千瓦时 for the electricity measures; null for water and credit. */
    surchargePerKwh: numeric('surcharge_per_kwh', { precision: 10, scale: 4 }),
    note: text('note').notNull().default(''),
    status: text('status').notNull(),
    sentBy: integer('sent_by'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
    /** What the recipient applied, in its words (e.g. 执行惩罚性电价，每千瓦时加价0.30元). */
    appliedMeasure: text('applied_measure'),
    effectiveOn: date('effective_on', { mode: 'string' }),
    /** The day by which the recipient must act in the current state (acknowledge, apply); null once applied. */
    dueOn: date('due_on', { mode: 'string' }),
    removedOn: date('removed_on', { mode: 'string' }),
    removalReason: text('removal_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('pm_delivery_recipient_idx').on(t.recipientAgencyId, t.id),
    index('pm_delivery_county_idx').on(t.countyCode, t.id),
    index('pm_delivery_prefecture_idx').on(t.prefectureCode, t.id),
    index('pm_delivery_province_idx').on(t.provinceCode, t.id),
    index('pm_delivery_enterprise_idx').on(t.enterpriseId),
  ],
);

/** 联合惩戒名单: one entry per enterprise while it is on the list (002 §三(八)). */
export const jointPunishmentEntry = pgTable(
  'joint_punishment_entry',
  {
    id: serial('id').primaryKey(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).notNull(),
    ...place,
    /** missed_exit_deadline | red_listed_producing */
    ground: text('ground').notNull(),
    /** The basis in words (decision, task, deadline) as the office stated it. */
    basis: text('basis').notNull(),
    caseId: integer('case_id'),
    exitTaskId: integer('exit_task_id'),
    /** The office that listed it (its agency row). */
    issuingAgencyId: integer('issuing_agency_id'),
    issuingAgencyName: text('issuing_agency_name').notNull(),
    listedOn: date('listed_on', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    objection: text('objection'),
    objectedAt: timestamp('objected_at', { withTimezone: true, mode: 'date' }),
    objectionAnswer: text('objection_answer'),
    repairApplication: text('repair_application'),
    repairRequestedAt: timestamp('repair_requested_at', { withTimezone: true, mode: 'date' }),
    repairDecision: text('repair_decision'),
    /** The day it left the list (repaired or revoked). */
    endedOn: date('ended_on', { mode: 'string' }),
    listedBy: integer('listed_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('jp_entry_enterprise_idx').on(t.enterpriseId),
    index('jp_entry_county_idx').on(t.countyCode, t.id),
    index('jp_entry_prefecture_idx').on(t.prefectureCode, t.id),
    index('jp_entry_province_idx').on(t.provinceCode, t.id),
  ],
);

/** A restriction a department applied to a listed enterprise in one domain of RESTRICTION_DOMAINS. */
export const jointPunishmentRestriction = pgTable(
  'joint_punishment_restriction',
  {
    id: serial('id').primaryKey(),
    entryId: integer('entry_id').notNull(),
    domain: text('domain').notNull(),
    agencyId: integer('agency_id').notNull(),
    agencyName: text('agency_name').notNull(),
    measure: text('measure').notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    documentNo: text('document_no').notNull().default(''),
    recordedBy: integer('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('jp_restriction_uq').on(t.entryId, t.domain, t.agencyId)],
);

/** 到期关闭后联合通知 (001 第五篇 §五): the office's written notice to the departments. */
export const jointNotice = pgTable(
  'joint_notice',
  {
    id: serial('id').primaryKey(),
    ...place,
    documentNo: text('document_no').notNull(),
    title: text('title').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('joint_notice_region_idx').on(t.regionCode, t.id), uniqueIndex('joint_notice_number_uq').on(t.regionCode, t.documentNo)],
);

/** One enterprise × one action of a notice, addressed to the department that executes it. */
export const jointNoticeItem = pgTable(
  'joint_notice_item',
  {
    id: serial('id').primaryKey(),
    noticeId: integer('notice_id').notNull(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).notNull(),
    /** power_cut | business_licence | production_licence | discharge_permit */
    action: text('action').notNull(),
    /** Why the enterprise is on the notice, in words, as when the notice was issued (missed deadline, red list). */
    ground: text('ground').notNull(),
    agencyId: integer('agency_id').notNull(),
    status: text('status').notNull(),
    /** Execution is due by this day (N working days after the notice); overdue while pending after it. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    executedOn: date('executed_on', { mode: 'string' }),
    executionDocNo: text('execution_doc_no'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('joint_notice_item_notice_idx').on(t.noticeId), index('joint_notice_item_agency_idx').on(t.agencyId, t.status)],
);
