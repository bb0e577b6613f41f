import type { Db } from '../../db/client.ts';
import { type AuditSubject, recordAudit } from '../../platform/audit/audit.ts';
import { getCalendar, type WorkingCalendar } from '../../platform/calendar/calendar.ts';
import { addCalendarDays } from '../../platform/calendar/working-calendar.ts';
import { filingRepository } from './filing.repository.ts';
import { dueRuleOf, periodsOf } from './requirement-context.ts';
import type { DuePeriod } from './periods.ts';
import type { RequirementRow } from './requirement.repository.ts';

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

/**
 * Recomputes every stored provisional due date with the calendar as it now stands, inside the transaction
 * that entered a year's calendar (the caller's `tx`, whose reads see the new year), each change audited.
 * Returns how many filings changed.
 */
export async function recomputeProvisionalDeadlines(tx: Db, who: AuditSubject, now: Date): Promise<number> {
  const rows = await filingRepository.provisional(tx);
  if (rows.length === 0) return 0;
  const cal = await getCalendar(tx);
  let changed = 0;
  for (const { f, req } of rows) {
    const period = periodsOf(req, cal).find((p) => p.key === f.periodKey);
    if (!period) continue;
    const dueProvisional = dueIsProvisional(req, period, cal);
    const lateWorkingDays = cal.workingDaysBetween(period.dueDate, f.submittedDate);
    if (period.dueDate === f.dueDate && dueProvisional && lateWorkingDays === f.lateWorkingDays) continue;
    await filingRepository.setDue(tx, f.id, { dueDate: period.dueDate, dueProvisional, lateWorkingDays });
    await recordAudit(tx, who, now, {
      action: 'filing.recompute_due',
      entityType: 'filing',
      entityId: f.id,
      regionCode: f.filerRegionCode,
      before: { dueDate: f.dueDate, dueProvisional: true, lateWorkingDays: f.lateWorkingDays },
      after: { dueDate: period.dueDate, dueProvisional, lateWorkingDays },
    });
    changed++;
  }
  return changed;
}
