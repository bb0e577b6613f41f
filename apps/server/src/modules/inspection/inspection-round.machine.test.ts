import { describe, expect, it } from 'vitest';
import { acceptsConclusions, acceptsEnterprises, INSPECTION_ROUND_TRANSITIONS, roundEventsFrom, roundTransitionFor } from './inspection-round.machine.ts';

const ready = { leaders: 1, teamSize: 3, records: 2, pendingRecords: 2 };

describe('inspection round lifecycle', () => {
  it('goes draft → in_progress → concluded and nowhere else', () => {
    expect(INSPECTION_ROUND_TRANSITIONS.map((t) => `${t.from}-${t.event}->${t.to}`)).toEqual(['draft-start->in_progress', 'in_progress-conclude->concluded']);
    expect(roundTransitionFor('draft', 'conclude')).toBeNull();
    expect(roundTransitionFor('concluded', 'start')).toBeNull();
    expect(roundEventsFrom('concluded')).toEqual([]);
    expect(roundEventsFrom('draft')).toEqual(['start']);
  });
  it('starts only with a leader, two people and an enterprise, naming what is missing', () => {
    const start = roundTransitionFor('draft', 'start')!;
    expect(start.guard(ready)).toBeNull();
    expect(start.guard({ leaders: 0, teamSize: 1, records: 0, pendingRecords: 0 })).toBe(
      '开始检查还缺：检查组组长（至少1名）；检查组成员（组长和成员至少2人）；待检查企业（至少1家）',
    );
  });
  it('concludes only when every enterprise has a conclusion', () => {
    const conclude = roundTransitionFor('in_progress', 'conclude')!;
    expect(conclude.guard(ready)).toBe('还有2家企业未作出验收结论，不能结束本批次');
    expect(conclude.guard({ ...ready, pendingRecords: 0 })).toBeNull();
  });
  it('takes enterprises until concluded and conclusions only while in progress', () => {
    expect([acceptsEnterprises('draft'), acceptsEnterprises('in_progress'), acceptsEnterprises('concluded')]).toEqual([true, true, false]);
    expect([acceptsConclusions('draft'), acceptsConclusions('in_progress'), acceptsConclusions('concluded')]).toEqual([false, true, false]);
  });
});
