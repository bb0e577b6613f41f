// The tip module (issue 13, ADR 0025). Public intake and the office's handling export their routes here.
export { addTipWorkingDays, tipDeadlineDays } from './tip-deadline.ts';
export { publicTipRoutes } from './public-tip.routes.ts';
export { runTipEscalation, tipRoutes, tipTodoSource } from './tip-office.ts';
