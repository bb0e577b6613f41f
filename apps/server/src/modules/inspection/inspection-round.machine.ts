import type { InspectionRoundEvent, InspectionRoundStatus } from '@taotai/shared';

/** What a guard sees about a round when it is moved on. */
export interface RoundFacts {
  leaders: number;
  teamSize: number;
  records: number;
  pendingRecords: number;
}

export interface RoundTransition {
  from: InspectionRoundStatus;
  event: InspectionRoundEvent;
  to: InspectionRoundStatus;
  /** null when the move may happen, else a Chinese message naming what is missing. */
  guard: (f: RoundFacts) => string | null;
}

/** A team goes out with a leader (组长) and at least one enterprise to inspect. */
const startGuard = (f: RoundFacts): string | null => {
  const missing: string[] = [];
  if (f.leaders === 0) missing.push('检查组组长（至少1名）');
  if (f.teamSize < 2) missing.push('检查组成员（组长和成员至少2人）');
  if (f.records === 0) missing.push('待检查企业（至少1家）');
  return missing.length ? `开始检查还缺：${missing.join('；')}` : null;
};

/** The round ends when every enterprise in it has a conclusion. */
const concludeGuard = (f: RoundFacts): string | null =>
  f.pendingRecords > 0 ? `还有${f.pendingRecords}家企业未作出验收结论，不能结束本批次` : null;

export const INSPECTION_ROUND_TRANSITIONS: readonly RoundTransition[] = [
  { from: 'draft', event: 'start', to: 'in_progress', guard: startGuard },
  { from: 'in_progress', event: 'conclude', to: 'concluded', guard: concludeGuard },
];

export const roundTransitionFor = (from: InspectionRoundStatus, event: InspectionRoundEvent): RoundTransition | null =>
  INSPECTION_ROUND_TRANSITIONS.find((t) => t.from === from && t.event === event) ?? null;

export const roundEventsFrom = (from: InspectionRoundStatus): InspectionRoundEvent[] =>
  INSPECTION_ROUND_TRANSITIONS.filter((t) => t.from === from).map((t) => t.event);

/** Enterprises are added and inspected until the round ends; records are concluded only once it has started. */
export const acceptsEnterprises = (s: InspectionRoundStatus) => s !== 'concluded';
export const acceptsConclusions = (s: InspectionRoundStatus) => s === 'in_progress';
