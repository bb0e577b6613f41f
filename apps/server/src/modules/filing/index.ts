// Public entry of the filing module (报送要求 and 报送): requirements, filings, monitoring, reminders.
export { filingRoutes } from './filing.routes.ts';
export { filingRequirementRoutes } from './requirement.routes.ts';
export { REMINDER_INTERVAL_MS, runFilingReminders } from './filing.jobs.ts';
export { type FilingEventInput, fireFilingEvent } from './filing-transition.ts';
export { filingMachine } from './filing.machine.ts';
export { type FilingExtension, getFiling, type LoadedFiling, loadFiling, resubmitFiling, submitFiling } from './filing.service.ts';
export { loadRequirement, type RequirementContext } from './requirement-context.ts';
export { type FilingRow, filingRepository } from './filing.repository.ts';
export { type RequirementRow, requirementRepository } from './requirement.repository.ts';
export { filingPolicy, OVERSEER_ROLES } from './filing.policy.ts';
export { filingTodoSource } from './filing.todo.ts';
export { dueIsProvisional, recomputeProvisionalDeadlines } from './filing-deadlines.ts';
