import { bigint, date, integer, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * The progress picture kept up to date in the same transaction as every exit-task change
 * (modules/progress), so a country or province answers from a few dozen rows instead of
 * aggregating every task. Each task counts once at every ancestor of its enterprise's region
 * (country 100000, province, prefecture, county, township/park, and the enterprise's own region).
 * Everything here can be recomputed from the base tables (`rebuildProgress`).
 */
export const progressRollup = pgTable(
  'progress_rollup',
  {
    regionCode: text('region_code').notNull(),
    /** The elimination plan's year. */
    year: integer('year').notNull(),
    industryCode: text('industry_code').notNull(),
    /** Capacity unit of the plan line: figures are never added across units. */
    unit: text('unit').notNull(),
    /** EXIT_TASK_STAGES: planned | sealed | dismantled | accepted | closed. */
    stage: text('stage').notNull(),
    tasks: integer('tasks').notNull(),
    capacity: numeric('capacity', { precision: 18, scale: 4 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year, t.industryCode, t.unit, t.stage] })],
);

/**
 * Sealed tasks per dismantling deadline: "overdue" depends on today, so the count is kept per date
 * and summed below today's date when asked (one short index range per region).
 */
export const progressSealedDeadline = pgTable(
  'progress_sealed_deadline',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    tasks: integer('tasks').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year, t.deadline] })],
);

/** Per enterprise and year: its tasks and how many are done (accepted or closed), to count enterprises without scanning them. */
export const progressEnterprise = pgTable(
  'progress_enterprise',
  {
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).notNull(),
    year: integer('year').notNull(),
    tasks: integer('tasks').notNull(),
    done: integer('done').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.year] })],
);

/** Enterprises with tasks (planned) and with every task done (accepted), per region (every ancestor) and year. */
export const progressEnterpriseRollup = pgTable(
  'progress_enterprise_rollup',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    planned: integer('planned').notNull(),
    accepted: integer('accepted').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);
