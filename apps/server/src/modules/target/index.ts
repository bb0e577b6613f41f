// Public entry of targets (目标任务): received from above, decomposed to regions and named lines.
export { targetRoutes } from './target.routes.ts';
export { readableRegion, readableTarget } from './target.service.ts';
export { targetPolicy, TARGET_LEVELS } from './target.policy.ts';
export { regionSubtree, type TargetLineView, type TargetRow, type TargetView, targetRepository } from './target.repository.ts';
export { deadlineProblem, isCalendarDate, yearEnd } from './target-rules.ts';
export { targetTodoSource } from './target.todo.ts';
