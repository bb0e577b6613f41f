// Public entry of the department lists (黄牌/红牌名单, issue 12): the yellow and red lists read from the
// non-compliance cases, their announcement builders, plan candidates, the stopped-line check and the dashboard counts.
export { departmentListRoutes } from './department-list.routes.ts';
export { departmentListDrafters, departmentListSources, type ListedCaseSource, notifyDepartmentListPublished } from './department-list-publish.ts';
export { casePlanCandidates } from './plan-candidate.service.ts';
export { stoppedLinesUnresolved } from './stopped-line.ts';
