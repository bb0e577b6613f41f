import { describe, expect, it } from 'vitest';
import { dueRuleText } from './filing-api.ts';

describe('dueRuleText', () => {
  it('words each kind of due rule as a notice would', () => {
    expect(dueRuleText({ mode: 'fixed', date: '2026-12-04' })).toBe('2026-12-04前');
    expect(dueRuleText({ mode: 'after_event', eventDate: '2026-04-01', workingDays: 10 })).toBe('2026-04-01后 10 个工作日内');
    expect(dueRuleText({ mode: 'after_period_end', workingDays: 0 })).toBe('每期最后一个工作日前');
    expect(dueRuleText({ mode: 'after_period_end', workingDays: 5 })).toBe('每期结束后 5 个工作日内');
    expect(dueRuleText({ mode: 'month_day', monthDay: '12-15' })).toBe('每年12月15日前');
  });
});
