import type { Actor } from '../../platform/access/actor.ts';
import type { DeliveryRow, DeliveryScope } from './price-measure.repository.ts';

/**
 * Who sees a delivery (issue 12 "Who sees what"): offices, leaders and auditors their region's subtree; a member
 * agency the deliveries addressed to it or sent by it, in its subtree; an enterprise its own.
 */
export function deliveryScope(actor: Actor): DeliveryScope {
  return {
    column: actor.scope.column,
    code: actor.scope.code,
    agencyId: actor.role === 'member_agency' ? (actor.agencyId ?? -1) : null,
    enterpriseId: actor.role === 'enterprise' ? (actor.enterpriseId ?? -1) : null,
  };
}

export function mayRead(actor: Actor, d: DeliveryRow): boolean {
  const s = deliveryScope(actor);
  if (s.column !== 'all' && d[s.column] !== s.code) return false;
  if (s.agencyId !== null && d.recipientAgencyId !== s.agencyId && d.senderAgencyId !== s.agencyId) return false;
  return s.enterpriseId === null || d.enterpriseId === s.enterpriseId;
}

/** The office of the enterprise's region or above, or the department that opened the listing case (002 §三(三)). */
export function sendRefusal(actor: Actor, caseAgencyId: number): string | null {
  if (actor.role === 'group_office' || actor.role === 'admin') return null;
  if (actor.role === 'member_agency' && actor.agencyId === caseAgencyId) return null;
  return '只有领导小组办公室或立案部门可以送达价格、信贷措施';
}
