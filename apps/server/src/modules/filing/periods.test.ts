import { describe, expect, it } from 'vitest';
import { packageCalendarDays } from '../../platform/calendar/package-source.ts';
import { WorkingCalendar } from '../../platform/calendar/working-calendar.ts';
import { currentPeriod, dueOf, isoWeek, periodContaining, periodsBetween, requirementPeriods, timingProblem } from './periods.ts';

const { days, years } = packageCalendarDays();
const cal = new WorkingCalendar({ days, coveredYears: years });

describe('reporting periods', () => {
  it('numbers ISO weeks, including the ones that straddle a new year', () => {
    expect(isoWeek('2026-04-01')).toEqual({ year: 2026, week: 14 });
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 }); // Thursday
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 }); // Friday of 2026's 53rd week
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
  });

  it('keys periods 2026-W14 / 2026-04a / 2026-04b / 2026-04 / 2026', () => {
    expect(periodContaining('weekly', '2026-04-01')).toMatchObject({ key: '2026-W14', start: '2026-03-30', end: '2026-04-05' });
    expect(periodContaining('half_monthly', '2026-04-15')).toMatchObject({ key: '2026-04a', start: '2026-04-01', end: '2026-04-15', label: '2026年4月上半月' });
    expect(periodContaining('half_monthly', '2026-02-16')).toMatchObject({ key: '2026-02b', start: '2026-02-16', end: '2026-02-28' });
    expect(periodContaining('monthly', '2026-04-30')).toMatchObject({ key: '2026-04', start: '2026-04-01', end: '2026-04-30' });
    expect(periodContaining('yearly', '2026-07-01')).toMatchObject({ key: '2026', start: '2026-01-01', end: '2026-12-31' });
  });

  it('lists the periods overlapping a range, back to back', () => {
    const ps = periodsBetween('half_monthly', '2026-04-10', '2026-06-01');
    expect(ps.map((p) => p.key)).toEqual(['2026-04a', '2026-04b', '2026-05a', '2026-05b', '2026-06a']);
    const weeks = periodsBetween('weekly', '2026-01-01', '2026-12-31');
    expect(weeks).toHaveLength(53);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.start > weeks[i - 1]!.end).toBe(true);
  });

  it('sets due dates by rule, around holidays', () => {
    const w40 = periodContaining('weekly', '2026-10-01'); // National Day week, 28 Sep – 4 Oct
    // 0 working days after the end = the period's last working day: Wed 30 Sep (1–7 Oct off).
    expect(dueOf({ mode: 'after_period_end', workingDays: 0 }, w40, cal)).toBe('2026-09-30');
    expect(dueOf({ mode: 'after_period_end', workingDays: 1 }, w40, cal)).toBe('2026-10-08');
    const sept = periodContaining('monthly', '2026-09-10');
    expect(dueOf({ mode: 'after_period_end', workingDays: 5 }, sept, cal)).toBe('2026-10-13'); // 8, 9, Sat 10 (adjusted), 12, 13
    expect(dueOf({ mode: 'month_day', monthDay: '12-15' }, periodContaining('yearly', '2026-01-01'), cal)).toBe('2026-12-15');
    expect(dueOf({ mode: 'after_event', eventDate: '2026-09-29', workingDays: 7 }, w40, cal)).toBe('2026-10-14');
  });

  it('picks the period whose deadline comes next', () => {
    const ps = requirementPeriods(
      { recurrence: 'monthly', due: { mode: 'after_period_end', workingDays: 3 }, startsOn: '2026-03-01', endsOn: '2026-05-31', issuedOn: '2026-03-01' },
      cal,
    );
    expect(ps.map((p) => [p.key, p.dueDate])).toEqual([
      ['2026-03', '2026-04-03'],
      ['2026-04', '2026-05-08'], // 1–5 May off, Sat 9 May worked: 6, 7, 8
      ['2026-05', '2026-06-03'],
    ]);
    expect(currentPeriod(ps, '2026-04-02').key).toBe('2026-03');
    expect(currentPeriod(ps, '2026-04-04').key).toBe('2026-04');
    expect(currentPeriod(ps, '2026-07-01').key).toBe('2026-05');
  });

  it('gives a one-off requirement the single period `once`', () => {
    const [p] = requirementPeriods({ recurrence: 'once', due: { mode: 'fixed', date: '2026-04-29' }, startsOn: null, endsOn: null, issuedOn: '2026-03-02' }, cal);
    expect(p).toMatchObject({ key: 'once', dueDate: '2026-04-29', start: '2026-03-02', end: '2026-04-29' });
  });

  it('refuses rules that do not fit the recurrence, in Chinese', () => {
    expect(timingProblem({ recurrence: 'once', due: { mode: 'after_period_end', workingDays: 1 }, startsOn: null, endsOn: null })?.path).toBe('due.mode');
    expect(timingProblem({ recurrence: 'monthly', due: { mode: 'month_day', monthDay: '12-15' }, startsOn: '2026-01-01', endsOn: '2026-12-31' })?.message).toBe('只有每年报送可以设每年固定日期');
    expect(timingProblem({ recurrence: 'weekly', due: { mode: 'after_period_end', workingDays: 0 }, startsOn: null, endsOn: '2026-12-31' })?.path).toBe('startsOn');
    expect(timingProblem({ recurrence: 'weekly', due: { mode: 'after_period_end', workingDays: 0 }, startsOn: '2026-01-01', endsOn: '2030-12-31' })?.message).toMatch(/期数过多/);
    expect(timingProblem({ recurrence: 'yearly', due: { mode: 'month_day', monthDay: '02-30' }, startsOn: '2026-01-01', endsOn: '2027-12-31' })?.message).toMatch(/不是有效的月日/);
    expect(timingProblem({ recurrence: 'weekly', due: { mode: 'after_period_end', workingDays: 0 }, startsOn: '2026-01-01', endsOn: '2026-06-30' })).toBeNull();
  });
});
