/** The calendar date in China (UTC+8, no daylight saving) of an instant: deadlines are Beijing dates. */
export function todayInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
