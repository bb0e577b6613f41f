import type { JointPunishmentEntry, JointPunishmentEvent, JointPunishmentGround, JointPunishmentStatus, JointRestriction, RestrictionDomain } from '@taotai/shared';
import { JOINT_PUNISHMENT_ACTIVE } from '@taotai/shared';
import type { Actor } from '../../platform/access/actor.ts';
import { availableEvents } from '../../platform/lifecycle/index.ts';
import { entryMachine } from './joint-punishment.machine.ts';
import { placeOf, restrictRefusal } from './joint-punishment.policy.ts';
import type { EntryView, RestrictionRow } from './joint-punishment.repository.ts';

export const presentRestriction = (r: RestrictionRow): JointRestriction => ({
  id: r.id,
  domain: r.domain as RestrictionDomain,
  agencyId: r.agencyId,
  agencyName: r.agencyName,
  measure: r.measure,
  appliedOn: r.appliedOn,
  documentNo: r.documentNo,
});

export function presentEntry(actor: Actor, v: EntryView, restrictions: RestrictionRow[], objectionUntil: string): JointPunishmentEntry {
  const e = v.e;
  const status = e.status as JointPunishmentStatus;
  return {
    id: e.id,
    enterpriseId: e.enterpriseId,
    enterpriseName: v.enterpriseName,
    uscc: v.uscc,
    regionCode: e.regionCode,
    regionName: v.regionName,
    ground: e.ground as JointPunishmentGround,
    basis: e.basis,
    issuingAgencyName: e.issuingAgencyName,
    listedOn: e.listedOn,
    objectionUntil,
    status,
    objection: e.objection,
    objectionAnswer: e.objectionAnswer,
    repairApplication: e.repairApplication,
    repairDecision: e.repairDecision,
    endedOn: e.endedOn,
    restrictions: restrictions.map(presentRestriction),
    version: e.version,
    availableEvents: availableEvents(entryMachine, actor, { enterpriseId: e.enterpriseId, place: placeOf(e) }, status) as JointPunishmentEvent[],
    mayRestrict: JOINT_PUNISHMENT_ACTIVE.includes(status) && restrictRefusal(actor) === null,
  };
}
