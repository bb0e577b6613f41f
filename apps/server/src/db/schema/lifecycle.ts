import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every state change of every lifecycle (plan, announcement, inspection round, exit task, filing):
 * who moved which record from what to what, when, with the reason or opinion given and the event's facts.
 * Written by platform/lifecycle's runTransition in the transaction that makes the change (ADR 0012).
 */
export const lifecycleHistory = pgTable(
  'lifecycle_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    event: text('event').notNull(),
    /** null for the creating event of a record that had no state before (a filing's first submission). */
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    /** A return's reason, an approval's opinion (审核意见), a rejection's grounds. */
    reason: text('reason'),
    payload: jsonb('payload'),
  },
  (t) => [index('lifecycle_history_entity_idx').on(t.entityType, t.entityId, t.at)],
);
