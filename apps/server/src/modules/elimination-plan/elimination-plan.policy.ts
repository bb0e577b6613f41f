import type { PlanStatus } from '@taotai/shared';
import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope } from '../../platform/access/actor.ts';
import { availableEvents } from '../../platform/lifecycle/index.ts';
import { ancestryOf, type RegionRow } from '../region/index.ts';
import { isPlanDrafter, type PlanRecord, planMachine } from './elimination-plan.machine.ts';

/** Levels with a leading group and so an annual plan. */
export const PLAN_LEVELS = ['province', 'prefecture', 'county'];

export const planPolicy = {
  /** Offices, departments, leaders and auditors read plans in their subtree; enterprises do not. */
  canRead(actor: Actor, r: RegionRow): boolean {
    return actor.role !== 'enterprise' && regionInScope(actor, ancestryOf(r));
  },
  /** The plan region's own office drafts, edits, submits and withdraws it. */
  isDrafter(actor: Actor, regionCode: string): boolean {
    return isPlanDrafter(actor, regionCode);
  },
  /** The events of the machine this actor may fire now, and the edit abilities (drafts only, by the drafter). */
  abilities(actor: Actor, p: PlanRecord, status: PlanStatus) {
    const events = availableEvents(planMachine, actor, p, status);
    const editable = status === 'draft' && planPolicy.isDrafter(actor, p.region.code);
    return {
      availableEvents: events,
      abilities: {
        update: editable,
        editLines: editable,
        delete: editable,
        // Derived from availableEvents for the web app's existing buttons.
        submit: events.includes('submit'),
        withdraw: events.includes('withdraw'),
        return: events.includes('return'),
        approve: events.includes('approve'),
        export: planPolicy.canRead(actor, p.region),
      },
    };
  },
};
