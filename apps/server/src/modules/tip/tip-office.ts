// The office's side of tips (issue 13): routes, the to-do source and the escalation sweep, exported as one line from index.ts.
export { runTipEscalation } from './tip-escalation.ts';
export { tipRoutes } from './tip.routes.ts';
export { tipTodoSource } from './tip.todo.ts';
