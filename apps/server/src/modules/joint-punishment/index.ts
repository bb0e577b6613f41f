// Public entry of joint punishment (联合惩戒, 002 §三(八); issue 12): the list, restrictions, objections, credit repair, the exchange file.
export { candidatesIn } from './joint-punishment-candidates.ts';
export { jointPunishmentRoutes } from './joint-punishment.routes.ts';
export { entryTodoSource } from './joint-punishment.todo.ts';
