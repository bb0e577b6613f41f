// Public entry of annual elimination plans (年度淘汰计划): lines from the registry, approval, announcement list.

export { nextStatus, planMachine } from './elimination-plan.machine.ts';
export { planRepository } from './elimination-plan.repository.ts';
export { planTodoSource } from './elimination-plan.todo.ts';
export { eliminationPlanRoutes } from './elimination-plan.routes.ts';
