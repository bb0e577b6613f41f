import type { CalendarYear, DeadlineItem, YearNoticeBody } from '@taotai/shared';
import { api } from '../../shared/api.ts';

export const CALENDAR_SOURCE_LABELS: Record<CalendarYear['source'], string> = {
  package: '内置',
  entered: '手工录入',
  none: '未覆盖',
};

export const calendarApi = {
  year: (year: number) => api.get<CalendarYear>(`/calendar/years/${year}`),
  enterNotice: (year: number, body: YearNoticeBody) => api.put<CalendarYear>(`/calendar/years/${year}`, body),
  addWorkingDays: (from: string, n: number) => api.get<{ date: string }>('/calendar/add-working-days', { from, n }),
  myDeadlines: (month: string) => api.get<DeadlineItem[]>('/my-deadlines', { month }),
};

/**
 * The notice as it was entered: consecutive holiday days of the same name become one "from–to" range,
 * so the form opens with what the admin typed (or what the built-in data says).
 */
export function noticeOf(year: CalendarYear): YearNoticeBody {
  const holidays: YearNoticeBody['holidays'] = [];
  const workdays: YearNoticeBody['workdays'] = [];
  const next = (d: string) => {
    const t = new Date(`${d}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + 1);
    return t.toISOString().slice(0, 10);
  };
  for (const day of year.days) {
    if (day.kind === 'workday') {
      workdays.push({ name: day.name, date: day.date });
      continue;
    }
    const last = holidays[holidays.length - 1];
    if (last && last.name === day.name && next(last.to) === day.date) last.to = day.date;
    else holidays.push({ name: day.name, from: day.date, to: day.date });
  }
  return { holidays, workdays };
}
