import { describe, expect, it } from 'vitest';
import { packageCalendarDays } from './package-source.ts';
import { WorkingCalendar } from './working-calendar.ts';

const { days, years } = packageCalendarDays();
const cal = new WorkingCalendar({ days, coveredYears: years });

describe('working days against the State Council notices', () => {
  it('2025: 国庆中秋 1–8 Oct off, Sun 28 Sep and Sat 11 Oct worked (国办发明电〔2024〕12号)', () => {
    for (let d = 1; d <= 8; d++) expect(cal.isWorkingDay(`2025-10-0${d}`)).toBe(false);
    expect(cal.isWorkingDay('2025-09-28')).toBe(true); // Sunday, adjusted working day
    expect(cal.isWorkingDay('2025-10-11')).toBe(true); // Saturday, adjusted working day
    expect(cal.isWorkingDay('2025-10-12')).toBe(false); // ordinary Sunday
  });

  it('2025: 春节 28 Jan–4 Feb off, Sun 26 Jan and Sat 8 Feb worked; 劳动节 1–5 May off, Sun 27 Apr worked', () => {
    expect(cal.isWorkingDay('2025-01-26')).toBe(true);
    expect(cal.isWorkingDay('2025-01-28')).toBe(false);
    expect(cal.isWorkingDay('2025-02-04')).toBe(false);
    expect(cal.isWorkingDay('2025-02-08')).toBe(true);
    expect(cal.isWorkingDay('2025-04-27')).toBe(true);
    expect(cal.isWorkingDay('2025-05-05')).toBe(false);
  });

  it('2026: 春节 15–23 Feb off with Sat 14 Feb and Sat 28 Feb worked (国办发明电〔2025〕7号)', () => {
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    for (let d = 15; d <= 23; d++) expect(cal.isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(cal.isWorkingDay('2026-02-24')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
  });

  it('2026: 国庆 1–7 Oct off, Sun 20 Sep and Sat 10 Oct worked; 中秋 25 Sep off', () => {
    expect(cal.isWorkingDay('2026-09-20')).toBe(true);
    expect(cal.isWorkingDay('2026-09-25')).toBe(false);
    for (let d = 1; d <= 7; d++) expect(cal.isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.dayName('2026-10-01')).toBe('国庆节');
  });

  it('a 7-working-day period spanning National Day 2026 takes 15 calendar days', () => {
    // 30 Sep (1), 1–7 Oct off, 8 (2), 9 (3), Sat 10 adjusted (4), 11 Sun off, 12 (5), 13 (6), 14 (7).
    expect(cal.addWorkingDays('2026-09-29', 7)).toBe('2026-10-14');
    expect(cal.workingDaysBetween('2026-09-29', '2026-10-14')).toBe(7);
  });

  it('adds and counts consistently, forwards and backwards', () => {
    expect(cal.addWorkingDays('2026-03-02', 5)).toBe('2026-03-09');
    expect(cal.addWorkingDays('2026-03-09', -5)).toBe('2026-03-02');
    expect(cal.addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
    expect(cal.workingDaysBetween('2026-03-09', '2026-03-02')).toBe(0);
    for (const [start, n] of [['2025-09-26', 10], ['2026-01-30', 12], ['2026-04-30', 3]] as const) {
      expect(cal.workingDaysBetween(start, cal.addWorkingDays(start, n))).toBe(n);
    }
  });

  it('describes deadlines as 剩余 N 个工作日 / 今日到期 / 逾期 N 天', () => {
    expect(cal.describeDeadline('2026-10-14', '2026-09-29').label).toBe('剩余 7 个工作日');
    expect(cal.describeDeadline('2026-10-14', '2026-10-14').label).toBe('今日到期');
    expect(cal.describeDeadline('2026-10-14', '2026-10-19')).toMatchObject({ overdue: true, daysOverdue: 5, label: '逾期 5 天' });
  });

  it('knows which years the package covers', () => {
    expect(cal.isYearCovered(2026)).toBe(true);
    expect(cal.isYearCovered(2027)).toBe(false);
  });

  it('lets entered days take precedence (an admin-entered 2027 notice)', () => {
    const merged = new Map(days);
    merged.set('2027-01-01', { kind: 'holiday', name: '元旦' });
    merged.set('2027-02-20', { kind: 'workday', name: '春节调休上班' }); // a Saturday
    const c2 = new WorkingCalendar({ days: merged, coveredYears: new Set([...years, 2027]) });
    expect(c2.isWorkingDay('2027-01-01')).toBe(false);
    expect(c2.isWorkingDay('2027-02-20')).toBe(true);
    expect(c2.isYearCovered(2027)).toBe(true);
  });
});

describe('years without holiday data', () => {
  it('refuses a strict count that touches such a year, naming it and who enters it; the lenient count goes on', () => {
    expect(cal.firstMissingYear('2026-12-28', '2027-01-06')).toBe(2027);
    expect(cal.firstMissingYear('2026-01-05', '2026-12-31')).toBeNull();
    expect(() => cal.addWorkingDaysStrict('2026-12-28', 7)).toThrow('2027年的法定节假日和调休安排尚未录入，无法按工作日计算日期；请系统管理员在“节假日设置”中录入2027年的安排');
    expect(cal.addWorkingDays('2026-12-28', 7)).toBe('2027-01-06');
    expect(cal.addWorkingDaysStrict('2026-09-29', 7)).toBe('2026-10-14');
  });
});
