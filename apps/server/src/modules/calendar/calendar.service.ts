import type { CalendarYear, YearNoticeBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { getCalendar, invalidateCalendar, yearSource } from '../../platform/calendar/calendar.ts';
import { calendarRepository } from '../../platform/calendar/calendar.repository.ts';
import { addCalendarDays } from '../../platform/calendar/working-calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { invalid } from '../../platform/errors.ts';
import { recomputeProvisionalDeadlines } from '../filing/index.ts';

export async function getYear(db: Db, year: number): Promise<CalendarYear> {
  const cal = await getCalendar(db);
  const days: CalendarYear['days'] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addCalendarDays(d, 1)) {
    const name = cal.dayName(d);
    if (name) days.push({ date: d, kind: cal.isWorkingDay(d) ? 'workday' : 'holiday', name });
  }
  return { year, source: await yearSource(db, year), days };
}

/** Enters a year's State Council notice; it replaces any earlier entry and the package's data for that year. */
export async function enterYearNotice(db: Db, clock: Clock, actor: Actor, year: number, notice: YearNoticeBody): Promise<CalendarYear> {
  const rows = new Map<string, { kind: 'holiday' | 'workday'; name: string }>();
  notice.holidays.forEach((h, i) => {
    if (h.from > h.to) throw invalid(`第${i + 1}项放假安排的开始日期晚于结束日期`, [{ path: `holidays.${i}.from`, message: '开始日期晚于结束日期' }]);
    for (let d = h.from; d <= h.to; d = addCalendarDays(d, 1)) {
      if (!d.startsWith(String(year))) throw invalid(`第${i + 1}项放假安排的日期${d}不在${year}年`, [{ path: `holidays.${i}`, message: `日期不在${year}年` }]);
      rows.set(d, { kind: 'holiday', name: h.name });
    }
  });
  notice.workdays.forEach((w, i) => {
    if (!w.date.startsWith(String(year))) throw invalid(`第${i + 1}项调休上班日${w.date}不在${year}年`, [{ path: `workdays.${i}.date`, message: `日期不在${year}年` }]);
    if (rows.has(w.date)) throw invalid(`${w.date}同时被填为放假和调休上班`, [{ path: `workdays.${i}.date`, message: '与放假日期重复' }]);
    rows.set(w.date, { kind: 'workday', name: w.name });
  });
  const before = await getYear(db, year);
  const now = clock.now();
  await db.transaction(async (tx) => {
    await calendarRepository.replaceYear(
      tx,
      year,
      [...rows].map(([day, v]) => ({ day, year, kind: v.kind, name: v.name, enteredBy: actor.userId!, enteredAt: now })),
    );
    await recordAudit(tx, actor, now, { action: 'calendar.enter_year', entityType: 'calendar_year', entityId: year, before: before.days, after: notice });
    // Deadlines stored as 暂定 (counted into a year nobody had entered) are counted again with this year, in the
    // same transaction: the calendar and the dates it decides commit together (issue 10 §3).
    await recomputeProvisionalDeadlines(tx, actor, now);
  });
  invalidateCalendar(db);
  return getYear(db, year);
}
