export { catalogueRoutes } from './catalogue.routes.ts';
export { type BasisItemRow, catalogueRepository, type IndustryRow } from './catalogue.repository.ts';
