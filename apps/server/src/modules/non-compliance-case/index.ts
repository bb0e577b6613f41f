// Public entry of non-compliance cases (不达标/违法违规案件, issue 12): opened by the member departments, with legal deadlines.
export { caseRoutes } from './non-compliance-case.routes.ts';
export { caseExtensionTodoSource, caseTodoSource } from './case.todo.ts';
export { type CaseReach, type CaseView, caseRepository } from './non-compliance-case.repository.ts';
export { casePolicy } from './non-compliance-case.policy.ts';
export { type ListedCaseFilter, type ListedCaseRow, caseListRepository } from './case-list.repository.ts';
export { type CandidateRow, caseLinkRepository, type StoppedLineRow } from './case-link.repository.ts';
export { getCase, listCases, readableCase } from './non-compliance-case.service.ts';
export { addCalendarMonths, openingOf } from './case-deadlines.ts';
