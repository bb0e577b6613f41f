import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The year's work (issue 3): work plans and their phases, filing requirements and filings,
 * survey filings with site verification, and in-app notifications.
 */

/** 工作方案: one per region per year; a lower level's plan is a copy of the upper one (parent_plan_id). */
export const workPlan = pgTable(
  'work_plan',
  {
    id: serial('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** template | parent | custom */
    origin: text('origin').notNull(),
    template: text('template'),
    parentPlanId: integer('parent_plan_id'),
    createdBy: integer('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('work_plan_region_year_uq').on(t.regionCode, t.year), index('work_plan_parent_idx').on(t.parentPlanId)],
);

/** 阶段: date range within a plan; in a copied plan, within the parent phase's range. */
export const workPlanPhase = pgTable(
  'work_plan_phase',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull(),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    parentPhaseId: integer('parent_phase_id'),
  },
  (t) => [index('work_plan_phase_plan_idx').on(t.planId, t.seq), index('work_plan_phase_parent_idx').on(t.parentPhaseId)],
);

/** 报送要求: what, from whom, by when — issued by a region's group office. */
export const filingRequirement = pgTable(
  'filing_requirement',
  {
    id: serial('id').primaryKey(),
    issuerRegionCode: text('issuer_region_code').notNull(),
    issuerAgencyId: integer('issuer_agency_id'),
    issuedBy: integer('issued_by').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    year: integer('year').notNull(),
    /** child_regions | selected_regions | member_agencies */
    audience: text('audience').notNull(),
    /** once | weekly | half_monthly | monthly | yearly */
    recurrence: text('recurrence').notNull(),
    /** fixed | after_event | after_period_end | month_day */
    dueMode: text('due_mode').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    eventDate: date('event_date', { mode: 'string' }),
    dueWorkingDays: integer('due_working_days'),
    /** MM-DD for yearly requirements due on the same date each year. */
    dueMonthDay: text('due_month_day'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    requiredFields: jsonb('required_fields').notNull().default([]),
    attachmentRequired: boolean('attachment_required').notNull().default(false),
    remindDaysBefore: integer('remind_days_before').notNull().default(3),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('filing_requirement_issuer_idx').on(t.issuerRegionCode, t.year)],
);

/** The expected filers of a requirement, fixed when it is issued: a region or a member agency. */
export const filingTarget = pgTable(
  'filing_target',
  {
    id: serial('id').primaryKey(),
    requirementId: integer('requirement_id').notNull(),
    regionCode: text('region_code'),
    agencyId: integer('agency_id'),
    /** Region where the filer sits (the agency's region for agencies): scope checks use it. */
    filerRegionCode: text('filer_region_code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    uniqueIndex('filing_target_region_uq').on(t.requirementId, t.regionCode),
    uniqueIndex('filing_target_agency_uq').on(t.requirementId, t.agencyId),
    index('filing_target_region_idx').on(t.regionCode),
    index('filing_target_agency_idx').on(t.agencyId),
  ],
);

/** 报送: one per requirement × period × expected filer. */
export const filing = pgTable(
  'filing',
  {
    id: serial('id').primaryKey(),
    requirementId: integer('requirement_id').notNull(),
    targetId: integer('target_id').notNull(),
    periodKey: text('period_key').notNull(),
    year: integer('year').notNull(),
    filerRegionCode: text('filer_region_code').notNull(),
    /** submitted | received | accepted | returned | resubmitted */
    status: text('status').notNull(),
    /** 1 at submission, +1 at each resubmission; survey lines are kept per revision. */
    revision: integer('revision').notNull().default(1),
    fieldValues: jsonb('field_values').notNull().default({}),
    note: text('note').notNull().default(''),
    fileIds: jsonb('file_ids').notNull().default([]),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /**
     * The due date was counted in working days into a year with neither package data nor an entered calendar
     * (weekends only): shown as 暂定 and recomputed when the admin enters that year (issue 10 §3, ADR 0018).
     */
    dueProvisional: boolean('due_provisional').notNull().default(false),
    /** Beijing date of the first submission; lateness is measured from it. */
    submittedDate: date('submitted_date', { mode: 'string' }).notNull(),
    lateWorkingDays: integer('late_working_days').notNull().default(0),
    submittedBy: integer('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSubmittedAt: timestamp('last_submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
    returnReason: text('return_reason'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('filing_req_period_target_uq').on(t.requirementId, t.periodKey, t.targetId),
    index('filing_filer_region_year_idx').on(t.filerRegionCode, t.year),
  ],
);

/** Every status change of a filing, with what was submitted at that point (history survives returns). */
export const filingEvent = pgTable(
  'filing_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    filingId: integer('filing_id').notNull(),
    event: text('event').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    revision: integer('revision').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    reason: text('reason'),
    snapshot: jsonb('snapshot'),
  },
  (t) => [index('filing_event_filing_idx').on(t.filingId, t.id)],
);

/** 摸底排查结果: the survey part of a survey_result filing (lines, or a zero report). */
export const surveyReport = pgTable(
  'survey_report',
  {
    filingId: integer('filing_id').primaryKey(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    zeroReport: boolean('zero_report').notNull(),
    statement: text('statement').notNull().default(''),
    /** A zero report despite registry lines: the filer's word on each line (issue 10 §3), also flagged. */
    lineExplanations: jsonb('line_explanations').notNull().default([]),
  },
  (t) => [index('survey_report_region_year_idx').on(t.regionCode, t.year)],
);

/** A registry line as filed: a snapshot, so later registry edits do not change what was reported. */
export const surveyLine = pgTable(
  'survey_line',
  {
    id: serial('id').primaryKey(),
    filingId: integer('filing_id').notNull(),
    revision: integer('revision').notNull(),
    lineId: integer('line_id').notNull(),
    enterpriseId: integer('enterprise_id').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    uscc: text('uscc').notNull(),
    regionCode: text('region_code').notNull(),
    lineName: text('line_name').notNull(),
    specification: text('specification').notNull().default(''),
    capacity: numeric('capacity', { precision: 14, scale: 4 }).notNull(),
    capacityUnit: text('capacity_unit').notNull(),
    industryCode: text('industry_code').notNull(),
    criterion: text('criterion').notNull(),
    lineStatus: text('line_status').notNull(),
  },
  (t) => [uniqueIndex('survey_line_uq').on(t.filingId, t.revision, t.lineId)],
);

/** 现场核查: one visit by the upper office, covering some or all lines of a revision. */
export const siteVerification = pgTable(
  'site_verification',
  {
    id: serial('id').primaryKey(),
    filingId: integer('filing_id').notNull(),
    revision: integer('revision').notNull(),
    verifiedBy: integer('verified_by').notNull(),
    verifiedByName: text('verified_by_name').notNull(),
    verifiedOn: date('verified_on', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    /** clean: every checked line verified; returned: the filing went back with the discrepancy list. */
    outcome: text('outcome').notNull(),
  },
  (t) => [index('site_verification_filing_idx').on(t.filingId, t.id)],
);

export const siteVerificationItem = pgTable(
  'site_verification_item',
  {
    id: serial('id').primaryKey(),
    verificationId: integer('verification_id').notNull(),
    surveyLineId: integer('survey_line_id').notNull(),
    /** verified | not_found | discrepancy */
    result: text('result').notNull(),
    foundCapacity: numeric('found_capacity', { precision: 14, scale: 4 }),
    note: text('note').notNull().default(''),
    fileIds: jsonb('file_ids').notNull().default([]),
  },
  (t) => [uniqueIndex('site_verification_item_uq').on(t.verificationId, t.surveyLineId)],
);

/** In-app notifications; dedupe_key makes reminder sweeps idempotent. */
export const notification = pgTable(
  'notification',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    /** Where the UI takes the user, e.g. /filing-requirements/12?period=2026-04. */
    link: text('link'),
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('notification_dedupe_uq').on(t.dedupeKey), index('notification_user_idx').on(t.userId, t.id)],
);
