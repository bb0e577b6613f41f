import { bigint, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * 退出任务: one per line of an approved elimination plan. Seal and dismantle facts are kept as
 * recorded (jsonb) so what was attested stays readable even if the forms change.
 */
export const exitTask = pgTable(
  'exit_task',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull(),
    planLineId: integer('plan_line_id').notNull(),
    lineId: bigint('line_id', { mode: 'number' }).notNull(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).notNull(),
    status: text('status').notNull().default('planned'),
    exitDeadline: date('exit_deadline', { mode: 'string' }).notNull(),
    dismantleDeadline: date('dismantle_deadline', { mode: 'string' }),
    seal: jsonb('seal'),
    dismantle: jsonb('dismantle'),
    rejectReason: text('reject_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('exit_task_plan_line_uq').on(t.planLineId),
    index('exit_task_enterprise_idx').on(t.enterpriseId),
    index('exit_task_line_idx').on(t.lineId),
    // The list's status/stage and overdue filters (status = 'sealed' and dismantle_deadline < today), and its year filter via the plan.
    index('exit_task_status_deadline_idx').on(t.status, t.dismantleDeadline),
    index('exit_task_plan_idx').on(t.planId),
  ],
);

/** Every transition of a task, with the facts and reasons given. */
export const exitTaskEvent = pgTable(
  'exit_task_event',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id').notNull(),
    event: text('event').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    payload: jsonb('payload').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('exit_task_event_task_idx').on(t.taskId)],
);

/** A photo or scan attached to a task (the file itself is a stored_file, kept unchanged). */
export const exitTaskEvidence = pgTable(
  'exit_task_evidence',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id').notNull(),
    kind: text('kind').notNull(),
    fileId: integer('file_id').notNull(),
    uploadedBy: integer('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** EXIF DateTimeOriginal of a photo as the camera wrote it (local time, no zone), null when absent. */
    takenAt: text('taken_at'),
    /** EXIF GPS position {lat, lng} of a photo; officials only (display copies drop it). */
    gps: jsonb('gps'),
  },
  (t) => [index('exit_task_evidence_task_idx').on(t.taskId)],
);
