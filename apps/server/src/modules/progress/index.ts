// Public entry of the progress picture (退出进度): rollups kept in the same transaction as every exit-task change.
export { progressRoutes } from './progress.routes.ts';
export { type EnterpriseAncestry, progressMaintenance } from './progress-maintenance.repository.ts';
export { progressPicture, rebuildProgress } from './progress.service.ts';
