import { CASE_CRITERIA, CASE_CRITERION_AGENCY, type CaseCriterion, type TipMatter } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { approvingRegionOf, type DutyRegion } from '../../platform/lifecycle/duties.ts';
import { type RegionRow, regionRepository } from '../region/index.ts';

/**
 * Who handles a tip (issue 13 "Handling"; 003 §四(三) 有报必查 by the responsible level, ADR 0025):
 * - by place: the county of the place (a township's or park's county; a county is itself) — its group office;
 * - by matter: a department's criterion goes to that county's member department of the kind that owns the ground
 *   (CASE_CRITERION_AGENCY, the same table that says who opens a case), when the county has one;
 * - about the place's own officials: the level above (`approvingRegionOf`: a 省直管县 such as 巩义 goes to the province),
 *   since a county office cannot check its own officials.
 */
export interface TipRoute {
  handlingRegionCode: string;
  /** A member department of the handling region; null = the region's group office. */
  handlingAgencyId: number | null;
}

export interface RoutingAsk {
  matter: TipMatter;
  criterion: CaseCriterion | null;
  aboutOfficials: boolean;
}

/** Pure: the route from the place's county and that county's agencies (id + kind, in id order). */
export function routeTip(county: DutyRegion, agencies: readonly { id: number; kind: string }[], ask: RoutingAsk): TipRoute {
  if (ask.aboutOfficials) return { handlingRegionCode: approvingRegionOf(county) ?? county.code, handlingAgencyId: null };
  if (ask.matter === 'department_criterion' && ask.criterion) {
    // The kinds in the table's order: energy → 发改 before 工信.
    for (const kind of CASE_CRITERION_AGENCY[ask.criterion]) {
      const a = agencies.find((x) => x.kind === kind);
      if (a) return { handlingRegionCode: county.code, handlingAgencyId: a.id };
    }
  }
  return { handlingRegionCode: county.code, handlingAgencyId: null };
}

/** The county code a place belongs to, or null when the place is above county level (not precise enough to route). */
export function countyCodeOf(place: Pick<RegionRow, 'code' | 'level' | 'countyCode'>): string | null {
  if (place.level === 'county') return place.code;
  if (place.level === 'township' || place.level === 'park') return place.countyCode;
  return null;
}

export const isCaseCriterion = (c: string | null | undefined): c is CaseCriterion => !!c && (CASE_CRITERIA as readonly string[]).includes(c);

export interface ResolvedRoute extends TipRoute {
  place: RegionRow;
  /** Who the tipster is told handles it: the department's name, else the handling region's name. */
  handlingName: string;
}

const badRegion = (message: string) => invalid(message, [{ path: 'regionCode', message }]);

/** Loads the place, its county and the county's agencies and routes; a place that does not exist is refused (400, 所在地区). */
export async function resolveTipRoute(db: Db, regionCode: string, ask: RoutingAsk): Promise<ResolvedRoute> {
  const place = await regionRepository.byCode(db, regionCode);
  if (!place) throw badRegion(`所在地区：代码 ${regionCode} 不存在，请从地区列表中选择`);
  const countyCode = countyCodeOf(place);
  const county = countyCode ? await regionRepository.byCode(db, countyCode) : null;
  if (!county) throw badRegion('所在地区：请选择到县（市、区）或乡镇（街道）');
  const route = routeTip(county, await regionRepository.agenciesOf(db, county.code), ask);
  const handlingRegion = route.handlingRegionCode === county.code ? county : await regionRepository.byCode(db, route.handlingRegionCode);
  const agency = route.handlingAgencyId ? await regionRepository.agencyById(db, route.handlingAgencyId) : null;
  return { ...route, place, handlingName: agency?.name ?? handlingRegion?.name ?? route.handlingRegionCode };
}
