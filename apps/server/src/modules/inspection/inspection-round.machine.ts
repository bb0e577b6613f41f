import { INSPECTION_ROUND_EVENT_LABELS, INSPECTION_ROUND_STATUS_LABELS, type InspectionRoundEvent, type InspectionRoundStatus } from '@taotai/shared';
import type { Actor, RegionAncestry } from '../../platform/access/actor.ts';
import { DUTY_RULES, type Machine, notOwnWork, type Relation, type Transition, transitionFor } from '../../platform/lifecycle/index.ts';
import { inspectionPolicy } from './inspection.policy.ts';

/** What a guard sees about a round when it is moved on. */
export interface RoundFacts {
  leaders: number;
  /** Whether the leader's account is chosen (who will conclude the round). */
  leaderAccount: boolean;
  teamSize: number;
  records: number;
  pendingRecords: number;
}

export type RoundTransition = Transition<InspectionRoundStatus, InspectionRoundEvent, RoundFacts> & { guard: (f: RoundFacts) => string | null };

/** What the relations look at: the round's region, who formed it and the team leader's account. */
export interface RoundRecord {
  place: RegionAncestry;
  createdBy: number | null;
  leaderUserId: number | null;
}

/** A team goes out with a leader (组长) and at least one enterprise to inspect. */
const startGuard = (f: RoundFacts): string | null => {
  const missing: string[] = [];
  if (f.leaders === 0) missing.push('检查组组长（至少1名）');
  if (!f.leaderAccount) missing.push('检查组组长账号（由其签署验收结论）');
  if (f.teamSize < 2) missing.push('检查组成员（组长和成员至少2人）');
  if (f.records === 0) missing.push('待检查企业（至少1家）');
  return missing.length ? `开始检查还缺：${missing.join('；')}` : null;
};

/** The round ends when every enterprise in it has a conclusion. */
const concludeGuard = (f: RoundFacts): string | null =>
  f.pendingRecords > 0 ? `还有${f.pendingRecords}家企业未作出验收结论，不能结束本批次` : null;

export const INSPECTION_ROUND_TRANSITIONS: readonly RoundTransition[] = [
  { from: 'draft', event: 'start', to: 'in_progress', by: 'organiser', guard: startGuard },
  // 四眼原则 (DOMAIN.md "Who approves what"; issue 10 §2): the round is concluded by its team leader's account, never the clerk who formed it.
  { from: 'in_progress', event: 'conclude', to: 'concluded', by: 'signer', guard: concludeGuard, awaits: { kind: 'conclude' } },
];

const organiser = (actor: Actor, r: RoundRecord) => (inspectionPolicy.canWrite(actor, r.place) ? null : '只有本级或上级领导小组办公室可以组织检查验收');

/**
 * 检查组组长 (issue 10 §2): only the account chosen as the round's leader concludes the round and signs
 * (concludes) the acceptance opinions; the clerk who formed it hears the 四眼 rule, anyone else the leader rule.
 */
export const signer: Relation<RoundRecord> = (actor, r) => {
  if (actor.userId !== null && actor.userId === r.leaderUserId && inspectionPolicy.canRead(actor, r.place)) return null;
  return notOwnWork(actor, [r.createdBy], DUTY_RULES.inspectionSelf) ?? DUTY_RULES.inspectionLeader;
};

export const roundMachine: Machine<InspectionRoundStatus, InspectionRoundEvent, RoundRecord, RoundFacts> = {
  entityType: 'inspection_round',
  auditPrefix: 'inspection',
  noun: '检查验收批次',
  statusLabels: INSPECTION_ROUND_STATUS_LABELS,
  eventLabels: INSPECTION_ROUND_EVENT_LABELS,
  transitions: INSPECTION_ROUND_TRANSITIONS,
  relations: {
    organiser,
    signer,
  },
};

export const roundTransitionFor = (from: InspectionRoundStatus, event: InspectionRoundEvent): RoundTransition | null =>
  (transitionFor(roundMachine, from, event) as RoundTransition | null) ?? null;

export const roundEventsFrom = (from: InspectionRoundStatus): InspectionRoundEvent[] =>
  INSPECTION_ROUND_TRANSITIONS.filter((t) => t.from === from).map((t) => t.event);

/** Enterprises are added and inspected until the round ends; records are concluded only once it has started. */
export const acceptsEnterprises = (s: InspectionRoundStatus) => s !== 'concluded';
export const acceptsConclusions = (s: InspectionRoundStatus) => s === 'in_progress';
