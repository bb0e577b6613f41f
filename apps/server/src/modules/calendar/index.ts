export { calendarRoutes } from './calendar.routes.ts';
export { runCalendarReminders } from './calendar.jobs.ts';
