export { regionInActorScope } from './region.service.ts';
export { regionRoutes } from './region.routes.ts';
export { type RegionRow, regionRepository } from './region.repository.ts';
export { ancestryOf, childRow } from './region-tree.ts';
