import { PRICE_DELIVERY_EVENTS, PRICE_DELIVERY_STATUSES } from '@taotai/shared';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.ts';
import { availableEvents, nextStatus, refusalOf, transitionFor } from '../../platform/lifecycle/index.ts';
import { deliveryMachine } from './price-measure.machine.ts';

const recipient = { role: 'member_agency', agencyId: 7 } as Actor;
const office = { role: 'group_office', agencyId: 1 } as Actor;
const other = { role: 'member_agency', agencyId: 8 } as Actor;
const record = { recipientAgencyId: 7 };

/** Written out independently of the rows: [from/event] → to. */
const EXPECTED: Record<string, string> = {
  'sent/acknowledge': 'acknowledged',
  'acknowledged/apply': 'applied',
  'acknowledged/remove': 'removed',
  'applied/remove': 'removed',
};

describe('price measure delivery machine: every (state, event) pair', () => {
  for (const s of PRICE_DELIVERY_STATUSES)
    for (const e of PRICE_DELIVERY_EVENTS)
      it(`${s} + ${e} → ${EXPECTED[`${s}/${e}`] ?? 'refused'}`, () => {
        expect(nextStatus(deliveryMachine, s, e)).toBe(EXPECTED[`${s}/${e}`] ?? null);
        const t = transitionFor(deliveryMachine, s, e);
        if (t) {
          expect(refusalOf(deliveryMachine, t, recipient, record)).toBeNull();
          expect(refusalOf(deliveryMachine, t, office, record)).toBe('由接收单位签收、执行或解除');
          expect(refusalOf(deliveryMachine, t, other, record)).not.toBeNull();
        }
      });

  it('offers the recipient only, and nothing once removed', () => {
    expect(availableEvents(deliveryMachine, recipient, record, 'acknowledged')).toEqual(['apply', 'remove']);
    expect(availableEvents(deliveryMachine, office, record, 'sent')).toEqual([]);
    expect(availableEvents(deliveryMachine, recipient, record, 'removed')).toEqual([]);
  });

  it('guards: apply needs the measure and date; removal needs the listing ended, a date not in the future nor before the effective date', () => {
    const apply = transitionFor(deliveryMachine, 'acknowledged', 'apply')!;
    expect(apply.guard!({ today: '2026-03-02' })).toMatchObject({ fields: [{ path: 'appliedMeasure' }, { path: 'effectiveOn' }] });
    expect(apply.guard!({ today: '2026-03-02', appliedMeasure: '执行', effectiveOn: '2026-04-01' })).toBeNull();
    const remove = transitionFor(deliveryMachine, 'applied', 'remove')!;
    expect(remove.needsReason).toBe(true);
    expect(remove.guard!({ today: '2026-08-03', removedOn: '2026-08-01', listingEnded: false })).toMatchObject({ fields: [{ path: 'event' }] });
    expect(remove.guard!({ today: '2026-08-03', removedOn: '2026-08-04', listingEnded: true })).toMatchObject({ fields: [{ path: 'removedOn', message: '解除日期不能晚于今天' }] });
    expect(remove.guard!({ today: '2026-08-03', removedOn: '2026-03-01', effectiveOn: '2026-04-01', listingEnded: true })).toMatchObject({ fields: [{ path: 'removedOn', message: '解除日期不能早于执行日期' }] });
    expect(remove.guard!({ today: '2026-08-03', removedOn: '2026-08-01', effectiveOn: '2026-04-01', listingEnded: true })).toBeNull();
  });
});
