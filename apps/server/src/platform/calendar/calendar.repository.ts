import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { calendarDay } from '../../db/schema/index.ts';

export const calendarRepository = {
  all: (db: Db) => db.select().from(calendarDay),
  ofYear: (db: Db, year: number) => db.select().from(calendarDay).where(eq(calendarDay.year, year)).orderBy(calendarDay.day),
  async replaceYear(db: Db, year: number, rows: (typeof calendarDay.$inferInsert)[]): Promise<void> {
    await db.delete(calendarDay).where(eq(calendarDay.year, year));
    if (rows.length) await db.insert(calendarDay).values(rows);
  },
};
