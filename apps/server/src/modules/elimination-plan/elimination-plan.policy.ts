import type { PlanEvent, PlanStatus } from '@taotai/shared';
import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope } from '../../platform/access/actor.ts';
import { ancestryOf, type RegionRow } from '../region/index.ts';
import { EVENT_ACTOR, nextStatus } from './elimination-plan.machine.ts';

/** Levels with a leading group and so an annual plan. */
export const PLAN_LEVELS = ['province', 'prefecture', 'county'];

export const planPolicy = {
  /** Offices, departments, leaders and auditors read plans in their subtree; enterprises do not. */
  canRead(actor: Actor, r: RegionRow): boolean {
    return actor.role !== 'enterprise' && regionInScope(actor, ancestryOf(r));
  },
  /** The plan region's own office drafts, edits, submits and withdraws it. */
  isDrafter(actor: Actor, regionCode: string): boolean {
    return actor.role === 'admin' || (actor.role === 'group_office' && actor.regionCode === regionCode);
  },
  /** A group office at the plan's region or above approves or returns it. */
  isApprover(actor: Actor, r: RegionRow): boolean {
    return actor.role === 'admin' || (actor.role === 'group_office' && regionInScope(actor, ancestryOf(r)));
  },
  mayFire(actor: Actor, r: RegionRow, event: PlanEvent): boolean {
    return EVENT_ACTOR[event] === 'drafter' ? planPolicy.isDrafter(actor, r.code) : planPolicy.isApprover(actor, r);
  },
  abilities(actor: Actor, r: RegionRow, status: PlanStatus) {
    const editable = status === 'draft' && planPolicy.isDrafter(actor, r.code);
    const can = (e: PlanEvent) => nextStatus(status, e) !== null && planPolicy.mayFire(actor, r, e);
    return {
      update: editable,
      editLines: editable,
      delete: editable,
      submit: can('submit'),
      withdraw: can('withdraw'),
      return: can('return'),
      approve: can('approve'),
      export: planPolicy.canRead(actor, r),
    };
  },
};
