import { describe, expect, it } from 'vitest';
import { addCalendarMonths, daysBetween, extendedDeadline, extensionRefusal, openingOf } from './case-deadlines.ts';

const today = '2026-12-07';

describe('calendar months with month-end clamping (issue 12)', () => {
  it('clamps a month end to the shorter month: 08-31 + 6 → 02-28, and 02-29 in a leap year', () => {
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-08-30', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-03-31', 6)).toBe('2026-09-30');
  });
  it('keeps the day when it exists and crosses year ends', () => {
    expect(addCalendarMonths('2026-12-07', 6)).toBe('2027-06-07');
    expect(addCalendarMonths('2026-07-15', 6)).toBe('2027-01-15');
    expect(addCalendarMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
  it('counts days left, negative when past', () => {
    expect(daysBetween('2026-12-07', '2026-12-10')).toBe(3);
    expect(daysBetween('2026-12-07', '2026-12-01')).toBe(-6);
    expect(daysBetween('2027-02-27', '2027-03-01')).toBe(2);
  });
});

describe('opening a case by ground', () => {
  it('energy and quality: 6 calendar months from service, no date of the department', () => {
    expect(openingOf({ criterion: 'energy', servedOn: '2026-08-31', today })).toEqual({ ok: true, status: 'rectifying', deadline: '2027-02-28' });
    expect(openingOf({ criterion: 'quality', servedOn: '2026-06-30', today })).toEqual({ ok: true, status: 'rectifying', deadline: '2026-12-30' });
    const r = openingOf({ criterion: 'energy', servedOn: '2026-08-31', deadline: '2027-01-01', today });
    expect(r).toMatchObject({ ok: false, refusal: { path: 'deadline' } });
  });
  it('environment: the department date, after service, with 限制生产 or 停产整治', () => {
    expect(openingOf({ criterion: 'environment', servedOn: '2026-11-01', deadline: '2027-03-01', measure: 'suspended', today })).toEqual({
      ok: true,
      status: 'suspended',
      deadline: '2027-03-01',
    });
    expect(openingOf({ criterion: 'environment', servedOn: '2026-11-01', deadline: '2027-03-01', measure: 'restricted', today })).toMatchObject({
      status: 'restricted',
    });
    expect(openingOf({ criterion: 'environment', servedOn: '2026-11-01', measure: 'restricted', today })).toMatchObject({ ok: false, refusal: { path: 'deadline' } });
    expect(openingOf({ criterion: 'environment', servedOn: '2026-11-01', deadline: '2027-03-01', today })).toMatchObject({ ok: false, refusal: { path: 'measure' } });
    const before = openingOf({ criterion: 'environment', servedOn: '2026-11-01', deadline: '2026-10-01', measure: 'restricted', today });
    expect(before).toMatchObject({ ok: false, refusal: { path: 'deadline', message: '整改期限2026-10-01应晚于送达日期2026-11-01' } });
    const same = openingOf({ criterion: 'environment', servedOn: '2026-11-01', deadline: '2026-11-01', measure: 'restricted', today });
    expect(same).toMatchObject({ ok: false, refusal: { path: 'deadline' } });
  });
  it('safety: stopped at once, no deadline', () => {
    expect(openingOf({ criterion: 'safety', servedOn: '2026-12-01', today })).toEqual({ ok: true, status: 'stopped', deadline: null });
    expect(openingOf({ criterion: 'safety', servedOn: '2026-12-01', deadline: '2027-01-01', today })).toMatchObject({ ok: false, refusal: { path: 'deadline' } });
  });
  it('technology and land: 6 months unless the department gives a date', () => {
    expect(openingOf({ criterion: 'technology', servedOn: '2026-08-31', today })).toMatchObject({ deadline: '2027-02-28' });
    expect(openingOf({ criterion: 'land', servedOn: '2026-08-31', deadline: '2026-10-31', today })).toMatchObject({ deadline: '2026-10-31' });
  });
  it('refuses a service date in the future or not a date, and a measure outside environment', () => {
    expect(openingOf({ criterion: 'energy', servedOn: '2026-12-08', today })).toMatchObject({ ok: false, refusal: { path: 'servedOn' } });
    expect(openingOf({ criterion: 'energy', servedOn: '2026-02-30', today })).toMatchObject({ ok: false, refusal: { path: 'servedOn' } });
    expect(openingOf({ criterion: 'energy', servedOn: '2026-12-01', measure: 'restricted', today })).toMatchObject({ ok: false, refusal: { path: 'measure' } });
  });
});

describe('extension limits', () => {
  const base = { months: 3, deadline: '2027-02-28', today, granted: 0, pending: false };
  it('allows one extension of at most 3 months asked before the deadline', () => {
    expect(extensionRefusal(base)).toBeNull();
    expect(extensionRefusal({ ...base, months: 1 })).toBeNull();
    expect(extensionRefusal({ ...base, today: '2027-02-28' })).toBeNull();
    expect(extendedDeadline('2027-02-28', 3)).toBe('2027-05-28');
    expect(extendedDeadline('2026-11-30', 3)).toBe('2027-02-28');
  });
  it('refuses more than 3 months, a second extension, a pending one, after the deadline, and safety cases', () => {
    expect(extensionRefusal({ ...base, months: 4 })).toEqual({ path: 'months', message: '延期月数不能超过3个月（申请了4个月）' });
    expect(extensionRefusal({ ...base, months: 0 })).toMatchObject({ path: 'months' });
    expect(extensionRefusal({ ...base, granted: 1 })).toEqual({ path: 'months', message: '本案件已批准过一次延期，不能再次申请延期' });
    expect(extensionRefusal({ ...base, pending: true })).toMatchObject({ path: 'months' });
    expect(extensionRefusal({ ...base, today: '2027-03-01' })?.message).toContain('已过');
    expect(extensionRefusal({ ...base, deadline: null })?.message).toContain('没有整改期限');
  });
});
