// Public entry of the work-plan module (工作方案 and its phases).
export { workPlanRoutes } from './work-plan.routes.ts';
export { currentPhase, effectivePlan } from './current-phase.service.ts';
export { type PhaseRow, type WorkPlanView, workPlanRepository } from './work-plan.repository.ts';
