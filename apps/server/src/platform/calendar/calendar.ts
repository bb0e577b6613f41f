import type { Db } from '../../db/client.ts';
import { calendarRepository } from './calendar.repository.ts';
import { packageCalendarDays } from './package-source.ts';
import { type DayKind, WorkingCalendar } from './working-calendar.ts';

export { WorkingCalendar } from './working-calendar.ts';

const cache = new WeakMap<Db, Promise<WorkingCalendar>>();

/**
 * The working calendar: chinese-days' notices, overridden by the years an admin entered.
 * Cached per database; `invalidateCalendar` after a change.
 */
export function getCalendar(db: Db): Promise<WorkingCalendar> {
  let c = cache.get(db);
  if (!c) {
    c = build(db);
    cache.set(db, c);
  }
  return c;
}

export function invalidateCalendar(db: Db): void {
  cache.delete(db);
}

async function build(db: Db): Promise<WorkingCalendar> {
  const pkg = packageCalendarDays();
  const entered = await calendarRepository.all(db);
  const enteredYears = new Set(entered.map((d) => d.year));
  const days = new Map<string, { kind: DayKind; name: string }>();
  // An entered year replaces the package's data for that whole year.
  for (const [d, v] of pkg.days) if (!enteredYears.has(Number(d.slice(0, 4)))) days.set(d, v);
  for (const d of entered) days.set(d.day, { kind: d.kind as DayKind, name: d.name });
  return new WorkingCalendar({ days, coveredYears: new Set([...pkg.years, ...enteredYears]) });
}

/** The source of a year's data, for the admin screen. */
export async function yearSource(db: Db, year: number): Promise<'package' | 'entered' | 'none'> {
  if ((await calendarRepository.ofYear(db, year)).length) return 'entered';
  return packageCalendarDays().years.has(year) ? 'package' : 'none';
}
