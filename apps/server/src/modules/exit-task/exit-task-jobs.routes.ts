import { ReminderRunResult } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { runExitTaskReminders } from './exit-task.jobs.ts';

export function exitTaskJobRoutes(app: TypedApp, ctx: AppContext): void {
  app.post(
    '/api/v1/jobs/exit-task-reminders/run',
    {
      config: { ability: 'settings:manage' },
      schema: { tags: ['jobs'], summary: '立即执行拆除期限提醒（管理员；重复执行不会重复提醒）', response: { 200: ReminderRunResult } },
    },
    async () => runExitTaskReminders(ctx),
  );
}
