// Public entry of exit tasks (退出任务): one per planned line, sealed/dismantled with evidence, then accepted.

export { DISMANTLE_REMIND_DAYS_BEFORE, runExitTaskReminders } from './exit-task.jobs.ts';
export { EXIT_TASK_TRANSITIONS, isOverdue, transitionFor } from './exit-task.machine.ts';
export { exitTaskRepository } from './exit-task.repository.ts';
export { exitTaskRoutes } from './exit-task.routes.ts';
export { exitTaskTodoSource } from './exit-task.todo.ts';
export { fireTaskEvent, readableTask, reopenExitTask } from './exit-task.service.ts';
export { exitTaskJobRoutes } from './exit-task-jobs.routes.ts';
export { type OverdueExitTask, exitTaskOverdueRepository } from './exit-task-overdue.repository.ts';
