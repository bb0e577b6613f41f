// Public entry of data quality (数据质量): other modules raise flags with `raiseFlag` inside their transaction.
export { dataQualityRoutes } from './data-quality.routes.ts';
export { type RaiseFlagInput, raiseFlag } from './data-quality.service.ts';
export { runDailyDataQualitySweep, runDataQualitySweep } from './data-quality-sweep.service.ts';
