import type { DueRule, Recurrence } from '@taotai/shared';
import { addCalendarDays } from '../../platform/calendar/working-calendar.ts';

/**
 * Reporting periods of a recurring requirement (pure). Keys: weekly 2026-W14 (ISO week),
 * half-monthly 2026-04a (1–15) / 2026-04b (16–end), monthly 2026-04, yearly 2026; a one-off
 * requirement has the single period `once`.
 */
export interface Period {
  key: string;
  label: string;
  start: string;
  end: string;
}

export interface PeriodCalendar {
  isWorkingDay(date: string): boolean;
  addWorkingDays(date: string, n: number): string;
}

/** Upper bound on generated periods: two years of weeks with room to spare. */
export const MAX_PERIODS = 160;

const pad = (n: number) => String(n).padStart(2, '0');
const dayOfWeekIso = (d: string) => {
  const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
  return dow === 0 ? 7 : dow;
};
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** ISO week-numbering year and week of a date. */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = addCalendarDays(date, 4 - dayOfWeekIso(date));
  const y = Number(thursday.slice(0, 4));
  const jan1 = Date.UTC(y, 0, 1);
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - jan1) / 86_400_000 / 7) + 1;
  return { year: y, week };
}

/** The period of a recurrence containing a date. */
export function periodContaining(rec: Exclude<Recurrence, 'once'>, date: string): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  switch (rec) {
    case 'weekly': {
      const start = addCalendarDays(date, 1 - dayOfWeekIso(date));
      const end = addCalendarDays(start, 6);
      const w = isoWeek(date);
      return { key: `${w.year}-W${pad(w.week)}`, label: `${w.year}年第${w.week}周（${md(start)}—${md(end)}）`, start, end };
    }
    case 'half_monthly': {
      const first = Number(date.slice(8, 10)) <= 15;
      const start = `${y}-${pad(m)}-${first ? '01' : '16'}`;
      const end = `${y}-${pad(m)}-${first ? '15' : pad(lastDayOfMonth(y, m))}`;
      return { key: `${y}-${pad(m)}${first ? 'a' : 'b'}`, label: `${y}年${m}月${first ? '上' : '下'}半月`, start, end };
    }
    case 'monthly':
      return { key: `${y}-${pad(m)}`, label: `${y}年${m}月`, start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(lastDayOfMonth(y, m))}` };
    case 'yearly':
      return { key: String(y), label: `${y}年度`, start: `${y}-01-01`, end: `${y}-12-31` };
  }
}

/** Every period overlapping [startsOn, endsOn], in order. */
export function periodsBetween(rec: Exclude<Recurrence, 'once'>, startsOn: string, endsOn: string): Period[] {
  const out: Period[] = [];
  let d = startsOn;
  while (d <= endsOn) {
    const p = periodContaining(rec, d);
    out.push(p);
    if (out.length > MAX_PERIODS) break;
    d = addCalendarDays(p.end, 1);
  }
  return out;
}

/** Due date of one period under a rule; `once` periods take the fixed or event-based date. */
export function dueOf(rule: DueRule, period: Period, cal: PeriodCalendar): string {
  switch (rule.mode) {
    case 'fixed':
      return rule.date;
    case 'after_event':
      return cal.addWorkingDays(rule.eventDate, rule.workingDays);
    case 'after_period_end': {
      if (rule.workingDays > 0) return cal.addWorkingDays(period.end, rule.workingDays);
      // 0: the period's last working day (a weekly dispatch due on Friday).
      let d = period.end;
      while (!cal.isWorkingDay(d) && d > period.start) d = addCalendarDays(d, -1);
      return d;
    }
    case 'month_day':
      return `${period.key.slice(0, 4)}-${rule.monthDay}`;
  }
}

export interface RequirementTiming {
  recurrence: Recurrence;
  due: DueRule;
  startsOn: string | null;
  endsOn: string | null;
  issuedOn: string;
}

export interface DuePeriod extends Period {
  dueDate: string;
  /** Counted through a year without holiday data (暂定); set by the module's periodsOf, which has the calendar. */
  dueProvisional?: boolean;
}

/** All periods of a requirement with their due dates. */
export function requirementPeriods(t: RequirementTiming, cal: PeriodCalendar): DuePeriod[] {
  if (t.recurrence === 'once') {
    const dueDate = dueOf(t.due, { key: 'once', label: '', start: t.issuedOn, end: t.issuedOn }, cal);
    return [{ key: 'once', label: '单次报送', start: t.startsOn ?? t.issuedOn, end: dueDate, dueDate }];
  }
  return periodsBetween(t.recurrence, t.startsOn!, t.endsOn!).map((p) => ({ ...p, dueDate: dueOf(t.due, p, cal) }));
}

/** The period whose deadline comes next on `today`, or the last one when every deadline has passed. */
export function currentPeriod(periods: DuePeriod[], today: string): DuePeriod {
  return periods.find((p) => p.dueDate >= today) ?? periods[periods.length - 1]!;
}

/** Checks a timing (rule fits the recurrence, range given) and returns a Chinese problem or null. */
export function timingProblem(t: Omit<RequirementTiming, 'issuedOn'>): { path: string; message: string } | null {
  const { recurrence: rec, due } = t;
  if (rec === 'once') {
    if (due.mode !== 'fixed' && due.mode !== 'after_event') return { path: 'due.mode', message: '一次性报送的期限应为固定日期或事件后N个工作日' };
    return null;
  }
  if (due.mode === 'fixed' || due.mode === 'after_event') return { path: 'due.mode', message: '周期性报送的期限应为每期结束后N个工作日（或每年固定日期）' };
  if (due.mode === 'month_day' && rec !== 'yearly') return { path: 'due.mode', message: '只有每年报送可以设每年固定日期' };
  if (due.mode === 'month_day') {
    const [mm, dd] = due.monthDay.split('-').map(Number) as [number, number];
    if (mm < 1 || mm > 12 || dd < 1 || dd > lastDayOfMonth(2024, mm)) return { path: 'due.monthDay', message: `“${due.monthDay}”不是有效的月日` };
  }
  if (!t.startsOn) return { path: 'startsOn', message: '周期性报送请填写开始日期' };
  if (!t.endsOn) return { path: 'endsOn', message: '周期性报送请填写结束日期' };
  if (t.endsOn < t.startsOn) return { path: 'endsOn', message: '结束日期不能早于开始日期' };
  if (periodsBetween(rec, t.startsOn, t.endsOn).length > MAX_PERIODS) {
    return { path: 'endsOn', message: `报送期数过多（超过${MAX_PERIODS}期），请缩短起止日期` };
  }
  return null;
}
