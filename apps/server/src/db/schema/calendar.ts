import { date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Holidays and adjusted working days entered by an admin from a State Council notice,
 * for years `chinese-days` does not cover yet; they take precedence over the package.
 */
export const calendarDay = pgTable('calendar_day', {
  day: date('day', { mode: 'string' }).primaryKey(),
  year: integer('year').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  enteredBy: integer('entered_by').notNull(),
  enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'date' }).notNull(),
});
