import type { CaseCriterion, CasePlanCandidate, CasePlanCandidateQuery } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { type Actor, LEVEL_COLUMN } from '../../platform/access/actor.ts';
import { forbidden } from '../../platform/errors.ts';
import { caseLinkRepository, casePolicy } from '../non-compliance-case/index.ts';
import { regionInActorScope } from '../region/index.ts';
import { planCandidateRepository as repo } from './plan-candidate.repository.ts';

/**
 * 淘汰计划候选 (issue 12: a failed re-inspection puts the line into the region's plan as a candidate, with the
 * case as its source): lines of the region's subtree whose case was ordered closed and that are in no plan.
 * This year's draft plan takes them; once this year's plan is submitted or approved they wait for the next.
 * The office adds one through the plan's own add-line path (POST /elimination-plans/:id/lines).
 */
export async function casePlanCandidates(db: Db, actor: Actor, q: CasePlanCandidateQuery): Promise<CasePlanCandidate[]> {
  if (actor.role === 'enterprise') throw forbidden('企业用户不能查看淘汰计划候选');
  const region = await regionInActorScope(db, actor, q.region);
  // The case module's one reach: a department sees the candidates of its own agency's cases only.
  const reach = casePolicy.reachWithin(actor, { column: LEVEL_COLUMN[region.level] ?? 'townshipCode', code: region.code });
  const [rows, plan] = await Promise.all([reach ? caseLinkRepository.closureOrderedUnplanned(db, reach) : [], repo.planStatus(db, region.code, q.year)]);
  const nextPlan = plan !== null && plan.status !== 'draft';
  return rows.map((r) => ({ ...r, criterion: r.criterion as CaseCriterion, capacity: Number(r.capacity), nextPlan }));
}
