import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { AwaitingCandidate, AwaitingSource } from '../../platform/lifecycle/index.ts';
import { type DeliveryRecord, deliveryMachine } from './price-measure.machine.ts';
import { type DeliveryView, priceMeasureRepository as repo } from './price-measure.repository.ts';
import { PRICE_MEASURE_KIND_LABELS, type PriceMeasureKind } from '@taotai/shared';

const candidateOf = (v: DeliveryView): AwaitingCandidate<DeliveryRecord> => ({
  id: v.d.id,
  status: v.d.status,
  record: { recipientAgencyId: v.d.recipientAgencyId },
  title: `${v.enterpriseName} ${PRICE_MEASURE_KIND_LABELS[v.d.kind as PriceMeasureKind] ?? v.d.kind}`,
  regionCode: v.d.regionCode,
  link: `/price-measures/${v.d.id}`,
  since: v.d.updatedAt,
});

/** A delivery waits for its recipient agency to acknowledge it, then to apply it (ADR 0016, ADR 0024). */
export const deliveryTodoSource: AwaitingSource<DeliveryRecord> = {
  machine: deliveryMachine,
  kindLabel: '价格信贷措施',
  async candidates(db: Db, reach: Actor | null, statuses: string[], limit: number) {
    // Only the recipient agency acts on a delivery: its own inbox is all it needs to look at.
    if (reach && (reach.role !== 'member_agency' || reach.agencyId === null)) return [];
    return (await repo.awaiting(db, reach ? reach.agencyId : null, statuses, limit)).map(candidateOf);
  },
  async one(db: Db, id: number) {
    const v = await repo.viewById(db, id);
    return v ? candidateOf(v) : null;
  },
};
