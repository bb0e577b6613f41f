export { auditRoutes } from './audit.routes.ts';
export { CHECKPOINT_INTERVAL_MS, runAuditCheckpoint } from './audit.jobs.ts';
