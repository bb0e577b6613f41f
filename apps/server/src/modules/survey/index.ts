// Public entry of the survey module (摸底排查结果, 零报告, 现场核查, 汇总).
export { surveyRoutes } from './survey.routes.ts';
export { surveyRollup } from './rollup.service.ts';
export { pickReport } from './rollup.ts';
