import { TIP_DEFAULT_DEADLINE_WORKING_DAYS } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { addCalendarDays, type WorkingCalendar } from '../../platform/calendar/working-calendar.ts';
import { tipSettingRepository } from './tip-setting.repository.ts';

/** The handling region's working days for the check and the reply (issue 13: configurable per region, default 15). */
export async function tipDeadlineDays(db: Db, handlingRegionCode: string): Promise<number> {
  return (await tipSettingRepository.deadlineDays(db, handlingRegionCode)) ?? TIP_DEFAULT_DEADLINE_WORKING_DAYS;
}

/** `from` (a China-local date) plus `days` working days, on the admin-entered calendar (003 counts 工作日). */
export async function addTipWorkingDays(db: Db, from: string, days: number): Promise<string> {
  return (await getCalendar(db)).addWorkingDays(from, days);
}

/**
 * Whether the deadline was counted through a year whose holidays nobody has entered (issue 10 §3, as filing due
 * dates): then only weekends were skipped and the date is 暂定. Counting starts the day after receipt; an extension
 * counts on from the earlier deadline, inside the same span.
 */
export const tipDeadlineProvisional = (cal: WorkingCalendar, receivedOn: string, deadline: string): boolean =>
  cal.firstMissingYear(addCalendarDays(receivedOn, 1), deadline) !== null;
