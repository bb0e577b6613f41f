import { CalendarYear, DeadlineInfo, ReminderRunResult, WorkingDaysQuery, YearNoticeBody } from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import { runCalendarReminders } from './calendar.jobs.ts';
import * as service from './calendar.service.ts';

const Year = z.object({ year: z.coerce.number().int().min(2004).max(2100) });

export function calendarRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/v1/calendar/years/:year',
    { schema: { tags: ['calendar'], summary: '某年节假日与调休', params: Year, response: { 200: CalendarYear } } },
    async (req) => service.getYear(ctx.db, req.params.year),
  );
  app.put(
    '/api/v1/calendar/years/:year',
    {
      config: { ability: 'settings:manage' },
      schema: { tags: ['calendar'], summary: '录入国务院办公厅节假日安排通知（优先于内置数据）', params: Year, body: YearNoticeBody, response: { 200: CalendarYear } },
    },
    async (req) => service.enterYearNotice(ctx.db, ctx.clock, req.actor!, req.params.year, req.body),
  );
  app.get(
    '/api/v1/calendar/add-working-days',
    {
      schema: {
        tags: ['calendar'],
        summary: 'N个工作日后的日期（涉及尚无节假日数据的年份时拒绝，并说明由系统管理员录入）',
        querystring: WorkingDaysQuery,
        response: { 200: z.object({ date: z.string() }) },
      },
    },
    async (req) => ({ date: (await getCalendar(ctx.db)).addWorkingDaysStrict(req.query.from, req.query.n) }),
  );
  app.get(
    '/api/v1/calendar/deadline',
    { schema: { tags: ['calendar'], summary: '期限说明（剩余/逾期）', querystring: z.object({ due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }), response: { 200: DeadlineInfo } } },
    async (req) => {
      const today = todayInChina(ctx.clock.now());
      return { due: req.query.due, today, ...(await getCalendar(ctx.db)).describeDeadline(req.query.due, today) };
    },
  );
  app.post(
    '/api/v1/jobs/calendar-reminders/run',
    {
      config: { ability: 'settings:manage' },
      schema: { tags: ['jobs'], summary: '立即检查下一年节假日安排是否已录入，未录入则提醒管理员（重复执行不会重复提醒）', response: { 200: ReminderRunResult } },
    },
    async () => runCalendarReminders(ctx),
  );
}
