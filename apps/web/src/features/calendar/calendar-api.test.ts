import { describe, expect, it } from 'vitest';
import { noticeOf } from './calendar-api.ts';

describe('noticeOf', () => {
  it('turns consecutive holiday days of one name into a range and keeps adjusted workdays apart', () => {
    const n = noticeOf({
      year: 2026,
      source: 'package',
      days: [
        { date: '2026-01-01', kind: 'holiday', name: '元旦' },
        { date: '2026-01-02', kind: 'holiday', name: '元旦' },
        { date: '2026-01-03', kind: 'holiday', name: '元旦' },
        { date: '2026-01-04', kind: 'workday', name: '元旦调休上班' },
        { date: '2026-04-04', kind: 'holiday', name: '清明' },
        { date: '2026-04-06', kind: 'holiday', name: '清明' },
        { date: '2026-12-31', kind: 'holiday', name: '元旦' },
      ],
    });
    expect(n.holidays).toEqual([
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      // A gap (5 April missing) starts a new range rather than silently covering the day.
      { name: '清明', from: '2026-04-04', to: '2026-04-04' },
      { name: '清明', from: '2026-04-06', to: '2026-04-06' },
      { name: '元旦', from: '2026-12-31', to: '2026-12-31' },
    ]);
    expect(n.workdays).toEqual([{ name: '元旦调休上班', date: '2026-01-04' }]);
  });
});
