import type { RegionLevel } from '@taotai/shared';
import type { RegionAncestry } from '../../platform/access/actor.ts';
import type { RegionRow } from './region.repository.ts';

/** The ancestry of a region as stored on scoped records (enterprise etc.). */
export function ancestryOf(r: RegionRow): RegionAncestry {
  const level = r.level as RegionLevel;
  return {
    code: r.code,
    provinceCode: r.provinceCode,
    prefectureCode: r.prefectureCode,
    countyCode: r.countyCode,
    townshipCode: level === 'township' || level === 'park' ? r.code : null,
  };
}

/** Builds a region row's denormalised ancestor columns from its parent's row. */
export function childRow(
  code: string,
  name: string,
  level: RegionLevel,
  parent: RegionRow | null,
  directlyAdministered = false,
): RegionRow {
  return {
    code,
    name,
    level,
    parentCode: parent?.code ?? null,
    directlyAdministered,
    provinceCode: level === 'province' ? code : parent!.provinceCode,
    prefectureCode: level === 'prefecture' ? code : (parent?.prefectureCode ?? null),
    countyCode: level === 'county' ? code : (parent?.countyCode ?? null),
    depth: (parent?.depth ?? -1) + 1,
    fullName: parent ? `${parent.fullName} / ${name}` : name,
  };
}
