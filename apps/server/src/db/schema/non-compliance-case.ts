import { bigint, date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * 不达标/违法违规案件 (issue 12; 002 §二(一)2–6, §四(二)): one enterprise (or one of its lines) × ground × the
 * department that opened it. Its state decides the yellow list (under a deadline) and the red list (failed,
 * ordered closed); the deadlines are computed from the service date by the case module (calendar months,
 * month-end clamped) and stored so lists and reminders read them without recomputing.
 */
export const nonComplianceCase = pgTable(
  'non_compliance_case',
  {
    id: serial('id').primaryKey(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).notNull(),
    /** The line the case is about; null when it concerns the whole enterprise (e.g. 违法违规用地). */
    lineId: bigint('line_id', { mode: 'number' }),
    /** The opening department (an agency row); a department user sees its own agency's cases. */
    agencyId: integer('agency_id').notNull(),
    criterion: text('criterion').notNull(),
    /** The basis catalogue item (standard or 目录 entry) the finding rests on, when one applies. */
    basisId: integer('basis_id'),
    /** The standard or clause in words (always kept: a basis row may later be edited). */
    standardText: text('standard_text').notNull(),
    findings: text('findings').notNull(),
    decisionNo: text('decision_no').notNull(),
    /** Date the decision was served (送达); deadlines run from it. */
    servedOn: date('served_on', { mode: 'string' }).notNull(),
    /** The rectification deadline in force (extended by a granted extension); null for 安全 (stopped at once, no date). */
    deadline: date('deadline', { mode: 'string' }),
    /** The deadline as first set, kept when an extension moves `deadline`. */
    originalDeadline: date('original_deadline', { mode: 'string' }),
    status: text('status').notNull(),
    /** Set when the case ends (rectified, closure ordered, withdrawn). */
    concludedOn: date('concluded_on', { mode: 'string' }),
    /** The closure decision's number when a failed case is ordered closed. */
    closureDecisionNo: text('closure_decision_no'),
    /** Evidence: stored_file ids with their kind ({fileId, kind, name}). */
    files: jsonb('files').notNull().default([]),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('nc_case_enterprise_idx').on(t.enterpriseId),
    index('nc_case_line_idx').on(t.lineId),
    index('nc_case_agency_status_idx').on(t.agencyId, t.status),
    // The yellow list's deadline order and the overdue sweep (open cases past deadline).
    index('nc_case_status_deadline_idx').on(t.status, t.deadline),
  ],
);

/** 延期申请: at most one granted per case, ≤ 3 months, asked before the deadline (002 §二(一)2). */
export const caseExtensionRequest = pgTable(
  'case_extension_request',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id').notNull(),
    months: integer('months').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull(),
    requestedBy: integer('requested_by'),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
    decidedBy: integer('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('case_extension_case_idx').on(t.caseId)],
);

/** 复查: a re-inspection that concludes a case (passed → rectified; failed → red list and closure). */
export const caseReinspection = pgTable(
  'case_reinspection',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id').notNull(),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    inspectors: text('inspectors').notNull(),
    findings: text('findings').notNull(),
    result: text('result').notNull(),
    files: jsonb('files').notNull().default([]),
    recordedBy: integer('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('case_reinspection_case_idx').on(t.caseId)],
);
