import {
  JOINT_PUNISHMENT_EVENT_LABELS,
  JOINT_PUNISHMENT_STATUS_LABELS,
  type JointPunishmentEvent,
  type JointPunishmentStatus,
} from '@taotai/shared';
import type { Actor, RegionAncestry } from '../../platform/access/actor.ts';
import { regionInScope } from '../../platform/access/actor.ts';
import type { Machine } from '../../platform/lifecycle/index.ts';

/** What the relations look at: whose entry it is and where. */
export interface EntryRecord {
  enterpriseId: number;
  place: RegionAncestry;
}

/** What the guards read. */
export interface EntryFacts {
  today: string;
  /** The last day an objection is accepted (listing day + JOINT_PUNISHMENT_OBJECTION_WORKING_DAYS). */
  objectionUntil: string;
  /** The enterprise has complied: no yellow or red case and no missed exit deadline, or it has exited or closed. */
  compliant: boolean;
}

const objectionGuard = (f: EntryFacts) =>
  f.today > f.objectionUntil ? { message: `异议期已于${f.objectionUntil}届满，不能再提出异议`, fields: [{ path: 'event', message: '异议期已过' }] } : null;
const repairGuard = (f: EntryFacts) =>
  f.compliant ? null : { message: '企业尚未整改到位（仍有黄牌、红牌案件或逾期未完成的退出任务），不能申请信用修复', fields: [{ path: 'event', message: '尚未整改到位' }] };

/**
 * A joint punishment entry (002 §三(八); ADR 0024): listed by the office; the enterprise may object within the
 * objection period (the office answers: upheld back to the list, or accepted and removed); after compliance it
 * may apply for credit repair, which the office grants or refuses with a reason. Every step in the history.
 */
export const entryMachine: Machine<JointPunishmentStatus, JointPunishmentEvent, EntryRecord, EntryFacts> = {
  entityType: 'joint_punishment_entry',
  noun: '联合惩戒',
  statusLabels: JOINT_PUNISHMENT_STATUS_LABELS,
  eventLabels: JOINT_PUNISHMENT_EVENT_LABELS,
  transitions: [
    { from: 'listed', event: 'object', to: 'objected', by: 'enterprise', guard: objectionGuard, needsReason: true },
    { from: 'objected', event: 'uphold', to: 'listed', by: 'office', needsReason: true, awaits: { kind: 'answer' } },
    { from: 'objected', event: 'accept_objection', to: 'revoked', by: 'office', needsReason: true, awaits: { kind: 'answer' } },
    { from: 'listed', event: 'apply_repair', to: 'repair_requested', by: 'enterprise', guard: repairGuard, needsReason: true },
    { from: 'repair_requested', event: 'grant_repair', to: 'repaired', by: 'office', needsReason: true, awaits: { kind: 'approve' } },
    { from: 'repair_requested', event: 'refuse_repair', to: 'listed', by: 'office', needsReason: true, awaits: { kind: 'approve' } },
  ],
  relations: {
    enterprise: (actor: Actor, r: EntryRecord) => (actor.role === 'enterprise' && actor.enterpriseId === r.enterpriseId ? null : '由被列入的企业本身提出'),
    office: (actor: Actor, r: EntryRecord) =>
      (actor.role === 'group_office' || actor.role === 'admin') && regionInScope(actor, r.place) ? null : '由领导小组办公室答复和决定',
  },
};
