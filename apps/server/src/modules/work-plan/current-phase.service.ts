import type { CurrentPhase, EffectiveWorkPlan } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope } from '../../platform/access/actor.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { ancestryOf } from '../region/index.ts';
import { type ReportingRow, reportingRepository } from '../reporting/index.ts';
import { locateDate } from './phase-rules.ts';
import { actorChain, presentPlan } from './work-plan.service.ts';
import { type PhaseRow, type WorkPlanView, workPlanRepository as repo } from './work-plan.repository.ts';

/**
 * The reporting chain of a region the actor may ask about: one in its subtree, or one of its own
 * upper levels. Null for the actor's own region when it is not a real region (the admin's 100000).
 */
async function chainOf(db: Db, actor: Actor, code: string): Promise<ReportingRow[] | null> {
  const chain = await reportingRepository.chain(db, code);
  const self = chain[0];
  if (!self) {
    if (code === actor.regionCode) return null;
    throw notFound('行政区划');
  }
  if (!regionInScope(actor, ancestryOf(self)) && !(await actorChain(db, actor)).includes(code)) throw notFound('行政区划');
  return chain;
}

/** The plan of the year that governs a region: its own, or the nearest upper level's. */
export async function effectivePlan(db: Db, clock: Clock, actor: Actor, q: { region?: string; year?: number }): Promise<EffectiveWorkPlan> {
  const code = q.region ?? actor.regionCode;
  const year = q.year ?? Number(todayInChina(clock.now()).slice(0, 4));
  const chain = await chainOf(db, actor, code);
  if (!chain) return { regionCode: code, inherited: false, plan: null };
  const plans = await repo.ofRegions(db, chain.map((r) => r.code), [year]);
  const plan = chain.map((r) => plans.find((p) => p.regionCode === r.code)).find((p) => p !== undefined);
  return { regionCode: code, inherited: !!plan && plan.regionCode !== code, plan: plan ? await presentPlan(db, actor, plan) : null };
}

/**
 * Picks the governing plan for a date: up the chain, a region's plan of this year or of last year
 * whose phases span the date (清零行动 runs into January), else its plan of this year.
 */
function governingPlan(chain: ReportingRow[], plans: WorkPlanView[], phases: PhaseRow[], date: string) {
  const year = Number(date.slice(0, 4));
  for (const r of chain) {
    const own = plans.filter((p) => p.regionCode === r.code);
    const spanning = own.find((p) => {
      const ps = phases.filter((x) => x.planId === p.id);
      return ps.length > 0 && ps[0]!.startDate <= date && date <= ps[ps.length - 1]!.endDate;
    });
    const pick = spanning ?? own.find((p) => p.year === year);
    if (pick) return pick;
  }
  return null;
}

const brief = (p: PhaseRow | null) => (p ? { id: p.id, name: p.name, startDate: p.startDate, endDate: p.endDate } : null);

export async function currentPhase(db: Db, clock: Clock, actor: Actor, q: { region?: string; date?: string }): Promise<CurrentPhase> {
  const date = q.date ?? todayInChina(clock.now());
  const code = q.region ?? actor.regionCode;
  const chain = (await chainOf(db, actor, code)) ?? [];
  const year = Number(date.slice(0, 4));
  const plans = await repo.ofRegions(db, chain.map((r) => r.code), [year, year - 1]);
  const phases = await repo.phasesOf(db, plans.map((p) => p.id));
  const plan = governingPlan(chain, plans, phases, date);
  const none = { regionCode: code, date, planId: null, planRegionCode: null, planRegionName: null, inherited: false, phase: null, nextPhase: null, workingDaysLeft: null };
  if (!plan) return { ...none, state: 'no_plan', label: '本地区及上级均未制定工作方案' };
  const own = phases.filter((p) => p.planId === plan.id);
  const at = locateDate(own, date);
  const base = {
    regionCode: code,
    date,
    planId: plan.id,
    planRegionCode: plan.regionCode,
    planRegionName: plan.regionName,
    inherited: plan.regionCode !== code,
    phase: brief(at.phase),
    nextPhase: brief(at.next),
  };
  if (at.state === 'in_phase') {
    const d = (await getCalendar(db)).describeDeadline(at.phase!.endDate, date);
    return { ...base, state: 'in_phase', workingDaysLeft: d.workingDaysLeft, label: d.label };
  }
  const label =
    at.state === 'before'
      ? `工作方案将于${at.next!.startDate}开始（${at.next!.name}）`
      : at.state === 'between'
        ? `下一阶段“${at.next!.name}”将于${at.next!.startDate}开始`
        : `${plan.year}年工作方案各阶段已结束`;
  return { ...base, state: at.state, workingDaysLeft: null, label };
}
