import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import { testActor } from '../access/test-actor.ts';
import { awaitedEvents, awaitedFrom, awaitingOf, awaitingStates } from './awaiting.ts';
import type { Machine } from './machine.ts';

const actor = (userId: number): Actor => testActor({ userId });

type S = 'draft' | 'submitted' | 'approved' | 'published';
type E = 'submit' | 'approve' | 'return' | 'publish';
const m: Machine<S, E, { owner: number }> = {
  entityType: 'thing',
  noun: '事项',
  statusLabels: { draft: '草稿', submitted: '已报送', approved: '已批准', published: '已发布' },
  eventLabels: { submit: '报送', approve: '批准', return: '退回', publish: '发布' },
  transitions: [
    { from: 'draft', event: 'submit', to: 'submitted', by: 'owner' },
    { from: 'submitted', event: 'approve', to: 'approved', by: 'other', awaits: { kind: 'approve', dueWorkingDays: 5 } },
    { from: 'submitted', event: 'return', to: 'draft', by: 'other', needsReason: true },
    { from: 'approved', event: 'publish', to: 'published', by: 'other', awaits: { kind: 'publish' } },
  ],
  relations: {
    owner: (a, r) => (a.userId === r.owner ? null : '只有本人可以报送'),
    other: (a, r) => (a.userId !== r.owner ? null : '本人报送的事项须由他人审批'),
  },
};

describe('awaited rows of a machine (ADR 0016)', () => {
  it('names the states where someone is waited for, and what for', () => {
    expect(awaitingStates(m).sort()).toEqual(['approved', 'submitted']);
    expect(awaitedFrom(m, 'submitted')).toEqual([{ event: 'approve', awaits: { kind: 'approve', dueWorkingDays: 5 } }]);
    expect(awaitingOf(m, 'submitted')).toEqual({ kind: 'approve', dueWorkingDays: 5 });
    expect(awaitingOf(m, 'approved')).toEqual({ kind: 'publish' });
    expect(awaitingOf(m, 'draft')).toBeNull();
  });

  it('asks the machine’s own relations who may act: never the submitter, and only awaited events', () => {
    const rec = { owner: 7 };
    expect(awaitedEvents(m, actor(8), rec, 'submitted')).toEqual(['approve']);
    expect(awaitedEvents(m, actor(7), rec, 'submitted')).toEqual([]);
    // The owner may submit a draft, but nobody is "waited for" there.
    expect(awaitedEvents(m, actor(7), rec, 'draft')).toEqual([]);
    expect(awaitedEvents(m, actor(8), rec, 'approved')).toEqual(['publish']);
  });
});
