import type { Region, RegionLevel } from '@taotai/shared';
import type { RegionRow } from './region.repository.ts';

export const presentRegion = (r: RegionRow, hasChildren: boolean): Region => ({
  code: r.code,
  name: r.name,
  parentCode: r.parentCode,
  level: r.level as RegionLevel,
  directlyAdministered: r.directlyAdministered,
  reportingParentCode: r.directlyAdministered && r.level === 'county' ? r.provinceCode : r.parentCode,
  hasChildren,
  fullName: r.fullName,
});
