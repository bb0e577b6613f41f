import {
  PRICE_DELIVERY_DUE_WORKING_DAYS,
  PRICE_DELIVERY_EVENT_LABELS,
  PRICE_DELIVERY_STATUS_LABELS,
  type PriceDeliveryEvent,
  type PriceDeliveryStatus,
} from '@taotai/shared';
import type { Actor } from '../../platform/access/actor.ts';
import type { FieldRefusal, Machine } from '../../platform/lifecycle/index.ts';

/** What the relations look at: the agency the delivery is addressed to. */
export interface DeliveryRecord {
  recipientAgencyId: number;
}

/** What the guards read: the event's entries, today, and whether the listing has ended. */
export interface DeliveryFacts {
  today: string;
  appliedMeasure?: string;
  effectiveOn?: string | null;
  removedOn?: string;
  reason?: string;
  /** The case closed (rectified or withdrawn) or its line was eliminated (002 §三(三): the measure ends with the capacity). */
  listingEnded?: boolean;
}

const refusal = (fields: FieldRefusal[]) => (fields.length ? { message: fields.map((f) => f.message).join('；'), fields } : null);

function applyGuard(f: DeliveryFacts) {
  const out: FieldRefusal[] = [];
  if (!f.appliedMeasure) out.push({ path: 'appliedMeasure', message: '请填写执行的措施' });
  if (!f.effectiveOn) out.push({ path: 'effectiveOn', message: '请填写执行日期' });
  return refusal(out);
}

function removeGuard(f: DeliveryFacts) {
  const out: FieldRefusal[] = [];
  if (!f.listingEnded) out.push({ path: 'event', message: '案件尚未整改合格或撤销、生产线也未淘汰，不能解除措施' });
  if (!f.removedOn) out.push({ path: 'removedOn', message: '请填写解除日期' });
  else if (f.removedOn > f.today) out.push({ path: 'removedOn', message: '解除日期不能晚于今天' });
  else if (f.effectiveOn && f.removedOn < f.effectiveOn) out.push({ path: 'removedOn', message: '解除日期不能早于执行日期' });
  return refusal(out);
}

/**
 * A delivery's life (002 §三(三)(四); ADR 0024): sent to the recipient agency, acknowledged (签收), applied with the
 * measure and its effective date, and removed when the case closes or the line is eliminated. Only the recipient
 * moves it; the sender and the office watch it (overdue after PRICE_DELIVERY_DUE_WORKING_DAYS in each waiting state).
 */
export const deliveryMachine: Machine<PriceDeliveryStatus, PriceDeliveryEvent, DeliveryRecord, DeliveryFacts> = {
  entityType: 'price_measure_delivery',
  noun: '价格信贷措施',
  statusLabels: PRICE_DELIVERY_STATUS_LABELS,
  eventLabels: PRICE_DELIVERY_EVENT_LABELS,
  transitions: [
    { from: 'sent', event: 'acknowledge', to: 'acknowledged', by: 'recipient', awaits: { kind: 'receive', dueWorkingDays: PRICE_DELIVERY_DUE_WORKING_DAYS } },
    { from: 'acknowledged', event: 'apply', to: 'applied', by: 'recipient', guard: applyGuard, awaits: { kind: 'execute', dueWorkingDays: PRICE_DELIVERY_DUE_WORKING_DAYS } },
    { from: 'acknowledged', event: 'remove', to: 'removed', by: 'recipient', guard: removeGuard, needsReason: true },
    { from: 'applied', event: 'remove', to: 'removed', by: 'recipient', guard: removeGuard, needsReason: true },
  ],
  relations: {
    recipient: (actor: Actor, d: DeliveryRecord) =>
      actor.role === 'member_agency' && actor.agencyId === d.recipientAgencyId ? null : '由接收单位签收、执行或解除',
  },
};
