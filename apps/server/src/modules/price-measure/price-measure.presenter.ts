import type { PriceDelivery, PriceDeliveryEvent, PriceDeliveryStatus, PriceMeasureKind } from '@taotai/shared';
import type { Actor } from '../../platform/access/actor.ts';
import { availableEvents } from '../../platform/lifecycle/index.ts';
import { deliveryMachine } from './price-measure.machine.ts';
import type { DeliveryView } from './price-measure.repository.ts';

/** Waiting for the recipient and past its due day (the office's 逾期 flag). */
export const isOverdue = (status: string, dueOn: string | null, today: string): boolean =>
  (status === 'sent' || status === 'acknowledged') && dueOn !== null && dueOn < today;

export function presentDelivery(actor: Actor, v: DeliveryView & { caseDecisionNo: string }, today: string): PriceDelivery {
  const d = v.d;
  const status = d.status as PriceDeliveryStatus;
  return {
    id: d.id,
    enterpriseId: d.enterpriseId,
    enterpriseName: v.enterpriseName,
    uscc: v.uscc,
    regionCode: d.regionCode,
    regionName: v.regionName,
    caseId: d.caseId,
    caseDecisionNo: v.caseDecisionNo,
    kind: d.kind as PriceMeasureKind,
    recipientAgencyId: d.recipientAgencyId,
    recipientName: v.recipientName,
    senderName: v.senderName,
    surchargePerKwh: d.surchargePerKwh === null ? null : Number(d.surchargePerKwh),
    note: d.note,
    status,
    sentAt: d.sentAt.toISOString(),
    acknowledgedAt: d.acknowledgedAt?.toISOString() ?? null,
    appliedMeasure: d.appliedMeasure,
    effectiveOn: d.effectiveOn,
    dueOn: d.dueOn,
    overdue: isOverdue(status, d.dueOn, today),
    removedOn: d.removedOn,
    removalReason: d.removalReason,
    version: d.version,
    availableEvents: availableEvents(deliveryMachine, actor, d, status) as PriceDeliveryEvent[],
  };
}
