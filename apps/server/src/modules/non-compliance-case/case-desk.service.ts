import { CASE_CRITERIA, CASE_CRITERION_AGENCY, type CaseDesk, YELLOW_CASE_STATUSES } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { addCalendarDays } from '../../platform/calendar/working-calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { casePolicy } from './non-compliance-case.policy.ts';
import { caseRepository } from './non-compliance-case.repository.ts';

/** "Due soon" on the 工作台 and the to-do: a deadline within this many working days (ADR 0022). */
export const CASE_DUE_SOON_WORKING_DAYS = 10;

/** The last deadline counted as due soon; two calendar weeks when next year's holidays are not entered yet. */
async function dueSoonLimit(db: Db, today: string): Promise<string> {
  try {
    return (await getCalendar(db)).addWorkingDays(today, CASE_DUE_SOON_WORKING_DAYS);
  } catch {
    return addCalendarDays(today, 14);
  }
}

/** The department's 工作台 card (issue 12 "Who sees what"): open cases, due soon, overdue, extension requests awaiting decision. */
export async function caseDesk(db: Db, clock: Clock, actor: Actor): Promise<CaseDesk> {
  const reach = casePolicy.reach(actor);
  const agency = actor.role === 'member_agency' && actor.agencyId !== null ? await caseRepository.agencyById(db, actor.agencyId) : null;
  const openableCriteria = agency ? CASE_CRITERIA.filter((c) => (CASE_CRITERION_AGENCY[c] as readonly string[]).includes(agency.kind)) : [];
  if (!reach) return { open: 0, dueSoon: 0, overdue: 0, extensionRequests: 0, openableCriteria };
  const today = todayInChina(clock.now());
  const soon = await dueSoonLimit(db, today);
  const open = { statuses: YELLOW_CASE_STATUSES };
  const [all, overdue, dueBy, pending] = await Promise.all([
    caseRepository.count(db, reach, open),
    caseRepository.count(db, reach, { ...open, deadlineBefore: today }),
    caseRepository.count(db, reach, { ...open, deadlineBy: soon }),
    caseRepository.pendingExtensions(db, reach, 1000),
  ]);
  return { open: all, dueSoon: dueBy - overdue, overdue, extensionRequests: pending.length, openableCriteria };
}
