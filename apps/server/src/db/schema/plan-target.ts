import { bigint, date, index, integer, jsonb, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** 年度淘汰计划: one per region and year; its lines are registry lines with an exit deadline. */
export const eliminationPlan = pgTable(
  'elimination_plan',
  {
    id: serial('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    status: text('status').notNull().default('draft'),
    returnReason: text('return_reason'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    submittedBy: integer('submitted_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    approvedBy: integer('approved_by'),
  },
  (t) => [uniqueIndex('elimination_plan_region_year_uq').on(t.regionCode, t.year)],
);

/**
 * A line in a plan. Capacity, unit and the display fields are a snapshot, refreshed when the plan is
 * submitted and approved, so the announced list stays what was approved even if the registry changes.
 */
export const eliminationPlanLine = pgTable(
  'elimination_plan_line',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull(),
    lineId: bigint('line_id', { mode: 'number' }).notNull(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).notNull(),
    exitDeadline: date('exit_deadline', { mode: 'string' }).notNull(),
    industryCode: text('industry_code').notNull(),
    capacityUnit: text('capacity_unit').notNull(),
    capacity: numeric('capacity', { precision: 14, scale: 4 }).notNull(),
    /** PlanLineSnapshot: enterprise name, USCC, region, line name, specification, criterion, basis… */
    snapshot: jsonb('snapshot').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('elimination_plan_line_uq').on(t.planId, t.lineId), index('elimination_plan_line_line_idx').on(t.lineId)],
);

/**
 * 目标任务 of a region for a year and industry (its unit is the industry's unit). A root target
 * (no parent) is entered by the region's own office as received from above; a child target is
 * created when the parent region's office decomposes (分解) its own target.
 */
export const target = pgTable(
  'target',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull(),
    regionCode: text('region_code').notNull(),
    parentTargetId: integer('parent_target_id'),
    industryCode: text('industry_code').notNull(),
    unitCode: text('unit_code').notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 4 }).notNull(),
    enterpriseCount: integer('enterprise_count'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** Where it came from, e.g. the upper level's document number (文号). */
    source: text('source').notNull().default(''),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    /**
     * Where the decomposition (its allocations or named lines) stands: draft → submitted → approved, or
     * returned (issue 10 §2). Named `status` for runTransition; the column says what it is about.
     */
    status: text('decomposition_status').notNull().default('draft'),
    submittedBy: integer('decomposition_submitted_by'),
    submittedAt: timestamp('decomposition_submitted_at', { withTimezone: true, mode: 'date' }),
    approvedBy: integer('decomposition_approved_by'),
    approvedAt: timestamp('decomposition_approved_at', { withTimezone: true, mode: 'date' }),
    returnReason: text('decomposition_return_reason'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('target_year_region_industry_uq').on(t.year, t.regionCode, t.industryCode),
    index('target_parent_idx').on(t.parentTargetId),
    index('target_decomposition_status_idx').on(t.status),
  ],
);

/** A county target decomposed to a named enterprise's line: the line's whole capacity covers part of it. */
export const targetLine = pgTable(
  'target_line',
  {
    id: serial('id').primaryKey(),
    targetId: integer('target_id').notNull(),
    lineId: bigint('line_id', { mode: 'number' }).notNull(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('target_line_uq').on(t.targetId, t.lineId), index('target_line_line_idx').on(t.lineId)],
);

/**
 * 目标责任书 between a region (甲方) and a child region or a named enterprise (乙方). `content` is the
 * LetterContent snapshot the .docx is generated from, so the document downloaded later is the one drafted.
 */
export const responsibilityLetter = pgTable(
  'responsibility_letter',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull(),
    partyARegionCode: text('party_a_region_code').notNull(),
    partyBRegionCode: text('party_b_region_code'),
    partyBEnterpriseId: bigint('party_b_enterprise_id', { mode: 'number' }),
    /** The region the enterprise (or child region) sits in, for scope filters. */
    partyBScopeRegionCode: text('party_b_scope_region_code').notNull(),
    title: text('title').notNull(),
    obligations: text('obligations').notNull(),
    signDeadline: date('sign_deadline', { mode: 'string' }),
    content: jsonb('content').notNull(),
    status: text('status').notNull().default('drafted'),
    signedFileId: integer('signed_file_id'),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
    signedBy: integer('signed_by'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('letter_region_pair_uq').on(t.year, t.partyARegionCode, t.partyBRegionCode),
    uniqueIndex('letter_enterprise_pair_uq').on(t.year, t.partyARegionCode, t.partyBEnterpriseId),
    index('letter_party_a_idx').on(t.partyARegionCode, t.year),
  ],
);
