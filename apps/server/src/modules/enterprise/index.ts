// Public entry of the enterprise registry (enterprises and their production lines).
export { enterpriseRoutes } from './enterprise.routes.ts';
export { lineRoutes } from './line.routes.ts';
export { enterprisePolicy, type EnterpriseListScope } from './enterprise.policy.ts';
export {
  enterpriseBatches,
  enterpriseFilter,
  type EnterpriseFilters,
  type EnterpriseWithLines,
  listEnterprises,
} from './enterprise-list.service.ts';
export { getEnterprise, readableEnterprise } from './enterprise.service.ts';
export type { EnterpriseRow, EnterpriseView } from './enterprise.repository.ts';
export type { LineRow, LineView } from './line.repository.ts';
// survey-import writes the registry in bulk through this entry (issue 10 §5).
export { BULK_BATCH, enterpriseBulkRepository } from './enterprise-bulk.repository.ts';
export { presentEnterprise, presentLine, presentSummary } from './enterprise.presenter.ts';
export { criteriaMaskOf, criteriaOfMask, criterionBit } from './criteria.ts';
export { type FieldProblem, type LineCatalogue, lineProblems } from './line-rules.ts';
