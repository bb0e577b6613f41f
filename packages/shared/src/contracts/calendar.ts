import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');

export const CalendarDay = z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() });
export const CalendarYear = z.object({
  year: z.number().int(),
  /** package: from chinese-days; entered: an admin entered the notice (takes precedence); none: weekends only. */
  source: z.enum(['package', 'entered', 'none']),
  days: z.array(CalendarDay),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

/** A year's State Council holiday notice as an admin types it in. */
export const YearNoticeBody = z.object({
  holidays: z
    .array(z.object({ name: z.string().trim().min(1, '请填写节日名称'), from: isoDate, to: isoDate }))
    .min(1, '请至少填写一个放假安排'),
  workdays: z.array(z.object({ name: z.string().trim().min(1, '请填写调休说明'), date: isoDate })).default([]),
});
export type YearNoticeBody = z.infer<typeof YearNoticeBody>;

export const WorkingDaysQuery = z.object({ from: isoDate, n: z.coerce.number().int().min(-366).max(366) });
export const DeadlineInfo = z.object({
  due: z.string(),
  today: z.string(),
  overdue: z.boolean(),
  workingDaysLeft: z.number().int(),
  daysOverdue: z.number().int(),
  label: z.string(),
});
