import type { Db } from '../../db/client.ts';
import { type AuditSubject, recordAudit } from '../../platform/audit/audit.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { filingRepository } from './filing.repository.ts';
import { dueIsProvisional, periodsOf } from './requirement-context.ts';

// Moved beside periodsOf, which marks every presented period with it; re-exported for the module's callers.
export { dueIsProvisional } from './requirement-context.ts';

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
