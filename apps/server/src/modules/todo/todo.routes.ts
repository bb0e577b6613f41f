import { ReminderRunResult, TodoCount, TodoList, TodoSettings } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { onArrival } from '../../platform/lifecycle/index.ts';
import { TODO_SOURCES } from './todo-sources.ts';
import { runTodoReminders } from './todo.jobs.ts';
import { getTodoSettings, updateTodoSettings } from './todo-settings.service.ts';
import * as service from './todo.service.ts';

const listener = service.arrivalListener(TODO_SOURCES);

export function todoRoutes(app: TypedApp, ctx: AppContext): void {
  // Arrival notices ride on every transition into an awaited state (ADR 0016); a Set, so once per process.
  onArrival(listener);
  const tags = ['todo'];
  app.get(
    '/api/v1/todo',
    { schema: { tags, summary: '我的待办（可由我办理的审批、发布、结束等；超期在前）', response: { 200: TodoList } } },
    async (req) => service.listTodo(ctx.db, ctx.clock, TODO_SOURCES, req.actor!),
  );
  app.get(
    '/api/v1/todo/count',
    { schema: { tags, summary: '我的待办数（含超期数）', response: { 200: TodoCount } } },
    async (req) => service.countTodo(ctx.db, ctx.clock, TODO_SOURCES, req.actor!),
  );
  app.post(
    '/api/v1/jobs/todo-reminders/run',
    {
      config: { ability: 'settings:manage' },
      schema: { tags: ['jobs'], summary: '立即执行待办到期提醒（管理员；重复执行不会重复提醒）', response: { 200: ReminderRunResult } },
    },
    async () => runTodoReminders(ctx),
  );
  // 待办提醒设置: national, like 安全设置 (admin only).
  app.get(
    '/api/v1/settings/todo',
    { config: { ability: 'settings:manage' }, schema: { tags: ['settings'], summary: '待办提醒设置（到期前提前几个工作日提醒）', response: { 200: TodoSettings } } },
    async () => getTodoSettings(ctx.db),
  );
  app.put(
    '/api/v1/settings/todo',
    {
      config: { ability: 'settings:manage' },
      schema: { tags: ['settings'], summary: '修改待办提醒设置（0～10 个工作日；留痕）', body: TodoSettings, response: { 200: TodoSettings } },
    },
    async (req) => updateTodoSettings(ctx.db, ctx.clock, req.actor!, req.body),
  );
}
