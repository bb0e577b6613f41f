/**
 * Mainland China working days: weekends and statutory holidays off, adjusted working days (调休) on.
 * Dates are 'YYYY-MM-DD' strings (a deadline is a date, not an instant). Pure: the data comes in.
 */
import { AppError } from '../errors.ts';

export type DayKind = 'holiday' | 'workday';

/**
 * A working-day count that runs into a year whose holidays nobody knows (neither chinese-days nor an
 * admin-entered notice): counting weekends only would put 元旦 or 春节 on a workday without a word (issue 10 §3).
 */
export const calendarYearMissing = (year: number) =>
  new AppError(
    400,
    'calendar_year_missing',
    `${year}年的法定节假日和调休安排尚未录入，无法按工作日计算日期；请系统管理员在“节假日设置”中录入${year}年的安排（国务院办公厅通知）后再试`,
  );

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

  /** The first year from `from` to `to` (either order) whose holidays are not known, or null. */
  firstMissingYear(from: string, to: string): number | null {
    const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((x, y) => x - y) as [number, number];
    for (let y = a; y <= b; y++) if (!this.isYearCovered(y)) return y;
    return null;
  }

  /**
   * `addWorkingDays` for a date that is entered or stored (a deadline, a notice period's end): refused
   * when the count touches a year without holiday data.
   */
  addWorkingDaysStrict(date: string, n: number): string {
    const out = this.addWorkingDays(date, n);
    const missing = this.firstMissingYear(date, out);
    if (missing !== null) throw calendarYearMissing(missing);
    return out;
  }

  /**
   * The date N working days after `date` (N ≥ 1): counting starts the day after, so
   * "7 working days after 2026-09-29" skips the National Day week and lands on 2026-10-14.
   * N = 0 gives `date` itself; negative N counts backwards. In a year without holiday data only weekends
   * are off: use it for look-ahead and display (provisional), `addWorkingDaysStrict` for what is stored.
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
