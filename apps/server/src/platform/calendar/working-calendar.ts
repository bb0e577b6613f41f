/**
 * Mainland China working days: weekends and statutory holidays off, adjusted working days (调休) on.
 * Dates are 'YYYY-MM-DD' strings (a deadline is a date, not an instant). Pure: the data comes in.
 */
export type DayKind = 'holiday' | 'workday';

export interface CalendarSource {
  /** Statutory holidays and adjusted working days by date. */
  days: ReadonlyMap<string, { kind: DayKind; name: string }>;
  /** Years whose State Council notice is known (from the package or entered by an admin). */
  coveredYears: ReadonlySet<number>;
}

const DAY_MS = 86_400_000;
const toUtc = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`日期格式应为YYYY-MM-DD：${d}`);
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
};
const fromUtc = (t: number) => new Date(t).toISOString().slice(0, 10);
export const addCalendarDays = (d: string, n: number) => fromUtc(toUtc(d) + n * DAY_MS);

export class WorkingCalendar {
  constructor(private readonly source: CalendarSource) {}

  isWorkingDay(date: string): boolean {
    const special = this.source.days.get(date);
    if (special) return special.kind === 'workday';
    const dow = new Date(toUtc(date)).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /** The holiday or adjusted-workday name of a date, if any (e.g. 国庆节). */
  dayName(date: string): string | null {
    return this.source.days.get(date)?.name ?? null;
  }

  /** Whether the year's holidays are known; for other years only weekends are off. */
  isYearCovered(year: number): boolean {
    return this.source.coveredYears.has(year);
  }

  /**
   * The date N working days after `date` (N ≥ 1): counting starts the day after, so
   * "7 working days after 2026-09-29" skips the National Day week and lands on 2026-10-14.
   * N = 0 gives `date` itself; negative N counts backwards.
   */
  addWorkingDays(date: string, n: number): string {
    let t = toUtc(date);
    const step = n >= 0 ? DAY_MS : -DAY_MS;
    let left = Math.abs(n);
    while (left > 0) {
      t += step;
      if (this.isWorkingDay(fromUtc(t))) left--;
    }
    return fromUtc(t);
  }

  /** Working days d with from < d ≤ to (0 when to ≤ from): "逾期 N 个工作日" from a due date to today. */
  workingDaysBetween(from: string, to: string): number {
    let t = toUtc(from);
    const end = toUtc(to);
    let n = 0;
    while (t < end) {
      t += DAY_MS;
      if (this.isWorkingDay(fromUtc(t))) n++;
    }
    return n;
  }

  /** Deadline wording used across the UI: 剩余 N 个工作日 / 今日到期 / 逾期 N 天 (calendar days). */
  describeDeadline(due: string, today: string): { overdue: boolean; workingDaysLeft: number; daysOverdue: number; label: string } {
    if (today > due) {
      const daysOverdue = Math.round((toUtc(today) - toUtc(due)) / DAY_MS);
      return { overdue: true, workingDaysLeft: 0, daysOverdue, label: `逾期 ${daysOverdue} 天` };
    }
    const left = this.workingDaysBetween(today, due);
    return { overdue: false, workingDaysLeft: left, daysOverdue: 0, label: today === due ? '今日到期' : `剩余 ${left} 个工作日` };
  }
}
