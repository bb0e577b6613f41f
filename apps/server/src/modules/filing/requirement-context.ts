import type { DueRule, Recurrence } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { getCalendar, type WorkingCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import { addCalendarDays } from '../../platform/calendar/working-calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { type RegionRow, regionRepository } from '../region/index.ts';
import { reportsUpTo } from '../reporting/index.ts';
import { filingPolicy, type RequirementRelation } from './filing.policy.ts';
import { currentPeriod, type DuePeriod, requirementPeriods } from './periods.ts';
import { type RequirementRow, type RequirementView, requirementRepository, type TargetRow } from './requirement.repository.ts';

/** The stored due columns as the rule the API speaks. */
export function dueRuleOf(r: RequirementRow): DueRule {
  switch (r.dueMode) {
    case 'fixed':
      return { mode: 'fixed', date: r.dueDate! };
    case 'after_event':
      return { mode: 'after_event', eventDate: r.eventDate!, workingDays: r.dueWorkingDays! };
    case 'after_period_end':
      return { mode: 'after_period_end', workingDays: r.dueWorkingDays ?? 0 };
    default:
      return { mode: 'month_day', monthDay: r.dueMonthDay! };
  }
}

export function dueColumns(rule: DueRule) {
  return {
    dueMode: rule.mode,
    dueDate: rule.mode === 'fixed' ? rule.date : null,
    eventDate: rule.mode === 'after_event' ? rule.eventDate : null,
    dueWorkingDays: rule.mode === 'after_event' || rule.mode === 'after_period_end' ? rule.workingDays : null,
    dueMonthDay: rule.mode === 'month_day' ? rule.monthDay : null,
  };
}

/**
 * Whether a period's due date was counted in working days through a year whose holidays nobody knows
 * (issue 10 §3): then only weekends were skipped and the date is provisional (暂定) until that year is entered.
 * Counting starts the day after the event or the period's end.
 */
export function dueIsProvisional(req: Pick<RequirementRow, 'dueMode' | 'dueDate' | 'eventDate' | 'dueWorkingDays' | 'dueMonthDay'>, period: DuePeriod, cal: WorkingCalendar): boolean {
  const rule = dueRuleOf(req as RequirementRow);
  const from = rule.mode === 'after_event' ? rule.eventDate : rule.mode === 'after_period_end' && rule.workingDays > 0 ? period.end : null;
  if (!from) return false;
  return cal.firstMissingYear(addCalendarDays(from, 1), period.dueDate) !== null;
}

/** The requirement's periods, each marked 暂定 when its due date was counted through a year without holiday data. */
export function periodsOf(r: RequirementRow, cal: WorkingCalendar): DuePeriod[] {
  return requirementPeriods(
    { recurrence: r.recurrence as Recurrence, due: dueRuleOf(r), startsOn: r.startsOn, endsOn: r.endsOn, issuedOn: r.issuedOn },
    cal,
  ).map((p) => ({ ...p, dueProvisional: dueIsProvisional(r, p, cal) }));
}

/** The work year a period belongs to: the requirement's year for a one-off, else the period's own year. */
export const yearOfPeriod = (r: RequirementRow, periodKey: string) => (periodKey === 'once' ? r.year : Number(periodKey.slice(0, 4)));

export interface RequirementContext {
  req: RequirementView;
  issuerRegion: RegionRow;
  targets: TargetRow[];
  myTarget: TargetRow | null;
  relation: RequirementRelation;
  cal: WorkingCalendar;
  today: string;
  periods: DuePeriod[];
  current: DuePeriod;
}

/** Loads a requirement the actor relates to, or 404 (unrelated looks like absent). */
export async function loadRequirement(db: Db, clock: Clock, actor: Actor, id: number): Promise<RequirementContext> {
  const req = await requirementRepository.viewById(db, id);
  const issuerRegion = req ? await regionRepository.byCode(db, req.issuerRegionCode) : null;
  if (!req || !issuerRegion) throw notFound('报送要求');
  const targets = await requirementRepository.targetsOf(db, [id]);
  const myTarget = targets.find((t) => filingPolicy.filesFor(actor, t)) ?? null;
  const relation = filingPolicy.relation(actor, req, await reportsUpTo(db, req.issuerRegionCode, actor.regionCode), myTarget);
  if (!relation) throw notFound('报送要求');
  const cal = await getCalendar(db);
  const today = todayInChina(clock.now());
  const periods = periodsOf(req, cal);
  return { req, issuerRegion, targets, myTarget, relation, cal, today, periods, current: currentPeriod(periods, today) };
}

export function findPeriod(ctx: Pick<RequirementContext, 'periods' | 'current'>, key: string | undefined): DuePeriod | null {
  if (!key) return ctx.current;
  return ctx.periods.find((p) => p.key === key) ?? null;
}
