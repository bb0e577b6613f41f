// Public entry of the joint acceptance inspection (联合检查验收): rounds, per-enterprise records, written opinions.

export { inspectionRoutes } from './inspection.routes.ts';
export { INSPECTION_ROUND_TRANSITIONS } from './inspection-round.machine.ts';
export { roundTodoSource } from './inspection.todo.ts';
