import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * 联合检查验收批次: one round of the joint acceptance inspection of a region, with its team (agency,
 * person and role as named when the round was set up, kept as recorded).
 */
export const inspectionRound = pgTable(
  'inspection_round',
  {
    id: serial('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    status: text('status').notNull().default('draft'),
    /** [{agencyId, agencyName, personName, role}] */
    team: jsonb('team').notNull(),
    /**
     * 检查组组长's own account (issue 10 §2): the only one who concludes the round and signs its acceptance
     * opinions; the team's leader entry (personName) stays for display. Null on rounds formed before it.
     */
    leaderUserId: integer('leader_user_id'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('inspection_round_region_idx').on(t.regionCode, t.year)],
);

/**
 * The inspection of one enterprise in a round: the checklist, the conclusion, the lines it concluded
 * (snapshot, so the opinion reads the same later), and the written opinion with its document number.
 */
export const inspectionRecord = pgTable(
  'inspection_record',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id').notNull(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).notNull(),
    status: text('status').notNull().default('pending'),
    equipmentDismantled: boolean('equipment_dismantled').notNull().default(false),
    powerCut: boolean('power_cut').notNull().default(false),
    destinationDocumented: boolean('destination_documented').notNull().default(false),
    workersPlaced: boolean('workers_placed').notNull().default(false),
    notes: text('notes').notNull().default(''),
    inspectedOn: date('inspected_on', { mode: 'string' }),
    conclusion: text('conclusion'),
    reasons: text('reasons'),
    /** InspectedLine[] of the tasks accepted or rejected by the conclusion. */
    lines: jsonb('lines'),
    concludedAt: timestamp('concluded_at', { withTimezone: true, mode: 'date' }),
    concludedBy: text('concluded_by'),
    opinionStatus: text('opinion_status').notNull().default('none'),
    opinionNumber: text('opinion_number'),
    opinionSignedFileId: integer('opinion_signed_file_id'),
    opinionSignedAt: timestamp('opinion_signed_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('inspection_record_round_idx').on(t.roundId),
    // An enterprise is under at most one open inspection at a time (a failed one may be inspected again later).
    uniqueIndex('inspection_record_pending_uq').on(t.enterpriseId).where(sql`status = 'pending'`),
  ],
);

/** The last document number a region's office issued in a year for a kind of document (e.g. 验收意见). */
export const documentNumberSequence = pgTable(
  'document_number_sequence',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year, t.kind] })],
);
