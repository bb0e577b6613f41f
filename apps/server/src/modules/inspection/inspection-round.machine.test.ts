import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.ts';
import { DUTY_RULES } from '../../platform/lifecycle/index.ts';
import { acceptsConclusions, acceptsEnterprises, INSPECTION_ROUND_TRANSITIONS, roundEventsFrom, roundTransitionFor, signer } from './inspection-round.machine.ts';

const ready = { leaders: 1, leaderAccount: true, teamSize: 3, records: 2, pendingRecords: 2 };

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
    expect(start.guard({ leaders: 0, leaderAccount: false, teamSize: 1, records: 0, pendingRecords: 0 })).toBe(
      '开始检查还缺：检查组组长（至少1名）；检查组组长账号（由其签署验收结论）；检查组成员（组长和成员至少2人）；待检查企业（至少1家）',
    );
  });
  it('is concluded only by the leader account, never by the clerk who formed it', () => {
    const place = { code: '410181', provinceCode: '410000', prefectureCode: '410100', countyCode: '410181', townshipCode: null };
    const actor = (userId: number, role = 'leader') => ({ userId, role, regionCode: '410181', scope: { column: 'countyCode', code: '410181' } }) as unknown as Actor;
    const round = { place, createdBy: 1, leaderUserId: 2 };
    expect(signer(actor(2), round)).toBeNull();
    expect(signer(actor(1, 'group_office'), round)).toBe(DUTY_RULES.inspectionSelf);
    expect(signer(actor(3, 'group_office'), round)).toBe('验收结论须由本批次检查组组长签署');
    expect(signer(actor(2), { ...round, leaderUserId: null })).toBe('验收结论须由本批次检查组组长签署');
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
