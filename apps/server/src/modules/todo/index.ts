// Public entry of the 待办 (to-do) list: computed from every registered lifecycle's awaited rows (ADR 0016).

export { runTodoReminders } from './todo.jobs.ts';
export { todoRoutes } from './todo.routes.ts';
export { TODO_SOURCES } from './todo-sources.ts';
