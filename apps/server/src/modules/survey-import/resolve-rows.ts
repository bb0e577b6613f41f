import { type Criterion, fromQ, type ImportRowError, toQ } from '@taotai/shared';
import { type Actor, type RegionAncestry, regionInScope } from '../../platform/access/actor.ts';
import type { BasisItemRow, IndustryRow } from '../catalogue/index.ts';
import { criterionBit, type LineCatalogue, lineProblems } from '../enterprise/index.ts';
import { ancestryOf, type RegionRow } from '../region/index.ts';
import { nameKey } from './cell-values.ts';
import type { HeaderMap } from './header-matcher.ts';
import type { ParsedRow } from './row-parser.ts';
import { SURVEY_HEADERS, type SurveyField } from './survey-form-layout.ts';
import { matchTownByName, TOWN_LEVELS, townCode } from './town-resolver.ts';

/**
 * Phase 2 of checking a survey form: rows against the catalogues, the region tree and the
 * enterprises already registered, all looked up in batches beforehand. Pure given `Lookups`.
 */

export interface CatalogueLookups {
  industries: IndustryRow[];
  units: { code: string; name: string }[];
  basisItems: BasisItemRow[];
}

export interface ExistingEnterprise extends RegionAncestry {
  id: number;
  uscc: string;
  name: string;
}

export interface Lookups {
  catalogue: CatalogueLookups;
  /** Regions named by code in the file (any level, any place: scope is checked here). */
  regionsByCode: Map<string, RegionRow>;
  /** Townships and parks inside the actor's scope whose name the file may mean. */
  townsByName: RegionRow[];
  /** Townships and parks of the same names elsewhere in the uploader's province (to say where they lie). */
  townsElsewhere?: RegionRow[];
  /** Enterprises already registered under the file's USCCs (any region). */
  existing: Map<string, ExistingEnterprise>;
}

export interface PlannedEnterprise {
  uscc: string;
  name: string;
  region: RegionAncestry;
  industryCode: string;
  lineCount: number;
  criteriaMask: number;
}

export interface PlannedLine {
  uscc: string;
  name: string;
  specification: string;
  quantity: number;
  /** numeric(14,4) as text. */
  capacity: string;
  capacityUnit: string;
  industryCode: string;
  criterion: Criterion;
  basisItemId: number | null;
  basisText: string;
  plannedExitDate: string | null;
  note: string;
}

export interface ResolvedForm {
  errors: ImportRowError[];
  enterpriseCount: number;
  /** Distinct USCCs of the file not registered yet. */
  newEnterpriseCount: number;
  newEnterprises: PlannedEnterprise[];
  /** Registered enterprises in scope that get lines (their counters are recomputed from their lines). */
  matched: { id: number; uscc: string }[];
  lines: PlannedLine[];
  /** Capacity of the accepted lines per unit (by unit name, catalogue order); units are never added together. */
  capacityByUnit: { unit: string; total: number }[];
}

const LINE_FIELD_COLUMNS: Record<string, SurveyField> = {
  industryCode: 'industry',
  capacityUnit: 'unit',
  basisItemId: 'basis',
  basisText: 'basis',
  plannedExitDate: 'plannedExitDate',
};

const INDUSTRY_ALIASES: Record<string, string> = { 玻璃: 'flat_glass', 焦化: 'coke', 火电: 'power', 铅酸蓄电池: 'lead_battery' };

export function resolveRows(actor: Pick<Actor, 'scope'>, header: HeaderMap, rows: readonly ParsedRow[], lk: Lookups): ResolvedForm {
  const errors: ImportRowError[] = [];
  const bad = new Set<number>();
  const fail = (row: number, f: SurveyField, message: string) => {
    bad.add(row);
    errors.push({ row, column: header.columns[f]?.label ?? SURVEY_HEADERS[f], message });
  };

  const industries = new Map<string, CatalogueLookups['industries'][number]>();
  for (const i of lk.catalogue.industries) {
    industries.set(nameKey(i.name), i);
    industries.set(nameKey(i.code), i);
  }
  for (const [alias, code] of Object.entries(INDUSTRY_ALIASES)) {
    const i = lk.catalogue.industries.find((x) => x.code === code);
    if (i && !industries.has(alias)) industries.set(alias, i);
  }
  const units = new Map<string, { code: string; name: string }>();
  for (const u of lk.catalogue.units) {
    units.set(nameKey(u.name), u);
    units.set(nameKey(u.code), u);
  }
  const unitName = (code: string) => lk.catalogue.units.find((u) => u.code === code)?.name ?? code;
  // Only active items are matched: a retired basis is not offered for new lines either.
  const basisKeys = lk.catalogue.basisItems
    .filter((b) => b.active)
    .map((b) => ({ b, title: nameKey(b.title), full: nameKey(b.source + b.title) }));
  const lineCatalogue: LineCatalogue = {
    industries: new Map(lk.catalogue.industries.map((i) => [i.code, i])),
    units: new Map(lk.catalogue.units.map((u) => [u.code, u.name])),
    basisItems: new Map(lk.catalogue.basisItems.map((b) => [b.id, b])),
  };

  const townCache = new Map<string, { region: RegionRow } | { error: string }>();
  const resolveTown = (raw: string) => {
    let hit = townCache.get(raw);
    if (!hit) {
      hit = lookUpTown(actor, raw, lk);
      townCache.set(raw, hit);
    }
    return hit;
  };

  /** First row of each USCC in the file: its name, town and industry bind the later rows. */
  const first = new Map<string, { row: number; nameKey: string; name: string; regionCode: string | null }>();
  const usccs = new Set<string>();
  type Accepted = { p: ParsedRow; region: RegionRow; industryCode: string; unitCode: string };
  const accepted: Accepted[] = [];

  for (const p of rows) {
    if (!p.valid) bad.add(p.row);
    let region: RegionRow | null = null;
    if (p.town) {
      const t = resolveTown(p.town);
      if ('error' in t) fail(p.row, 'town', t.error);
      else region = t.region;
    }

    let industryCode: string | null = null;
    let unitCode: string | null = null;
    const ind = p.industry ? industries.get(nameKey(p.industry)) : undefined;
    if (p.industry && !ind) fail(p.row, 'industry', `行业“${p.industry}”不在行业目录中`);
    if (ind) industryCode = ind.code;
    const unit = p.unit ? units.get(nameKey(p.unit)) : undefined;
    if (p.unit && !unit) {
      fail(p.row, 'unit', `产能单位“${p.unit}”不在单位目录中（可填：${lk.catalogue.units.map((u) => u.name).join('、')}）`);
    } else if (unit && ind && unit.code !== ind.unitCode) {
      fail(p.row, 'unit', `行业“${ind.name}”的产能单位应为“${unitName(ind.unitCode)}”，不能填写“${unit.name}”`);
    } else if (unit) unitCode = unit.code;

    if (p.uscc) {
      usccs.add(p.uscc);
      const f = first.get(p.uscc);
      if (!f) first.set(p.uscc, { row: p.row, nameKey: p.nameKey, name: p.name, regionCode: region?.code ?? null });
      else {
        if (p.name && f.nameKey !== p.nameKey) {
          fail(p.row, 'name', `与第${f.row}行统一社会信用代码相同，但企业名称不同（第${f.row}行为“${f.name}”）`);
        }
        if (region && f.regionCode && region.code !== f.regionCode) {
          fail(p.row, 'town', `与第${f.row}行是同一企业，但所在乡镇（街道）不同`);
        }
      }
      const ex = lk.existing.get(p.uscc);
      if (ex && !regionInScope(actor, ex)) fail(p.row, 'uscc', '该统一社会信用代码已在其他地区登记');
      else if (ex && p.name && nameKey(ex.name) !== p.nameKey) {
        fail(p.row, 'name', `该统一社会信用代码已登记为“${ex.name}”，与本行企业名称不一致`);
      }
    }

    const complete = region && industryCode && unitCode && p.uscc && p.criterion && p.capacity !== null && p.quantity !== null;
    if (complete && !bad.has(p.row)) accepted.push({ p, region: region!, industryCode: industryCode!, unitCode: unitCode! });
  }

  // A row with an error anywhere (a later row of the same USCC may flag an earlier one's group) is left out.
  const newByUscc = new Map<string, PlannedEnterprise>();
  const matchedByUscc = new Map<string, ResolvedForm['matched'][number]>();
  const lines: PlannedLine[] = [];
  const capacityByUnit = new Map<string, number>();
  for (const { p, region, industryCode, unitCode } of accepted) {
    if (bad.has(p.row)) continue;
    const uscc = p.uscc!;
    const capUnits = toQ(p.capacity!);
    const basis = nameKey(p.basis);
    const item = basisKeys.find(
      (k) =>
        k.b.criterion === p.criterion &&
        (k.b.industryCode === null || k.b.industryCode === industryCode) &&
        (basis === k.title || basis === k.full || (k.title.length >= 8 && basis.includes(k.title))),
    );
    const l: PlannedLine = {
      uscc,
      name: p.lineName,
      specification: p.specification,
      quantity: p.quantity!,
      capacity: String(fromQ(capUnits)),
      capacityUnit: unitCode,
      industryCode,
      criterion: p.criterion!,
      basisItemId: item?.b.id ?? null,
      basisText: p.basis,
      plannedExitDate: p.plannedExitDate,
      note: p.note,
    };
    // The same rules as a line entered by hand, so an import cannot store what the form would refuse.
    const problems = lineProblems(
      { ...l, capacity: fromQ(capUnits), commissioningYear: null, status: 'registered' },
      lineCatalogue,
    );
    if (problems.length > 0) {
      for (const pr of problems) fail(p.row, LINE_FIELD_COLUMNS[pr.path] ?? 'lineName', pr.message);
      continue;
    }
    lines.push(l);
    capacityByUnit.set(unitCode, (capacityByUnit.get(unitCode) ?? 0) + capUnits);
    const bit = criterionBit(l.criterion);
    const ex = lk.existing.get(uscc);
    // A registered enterprise keeps its own region even if the form names another town of the scope.
    if (ex) matchedByUscc.set(uscc, { id: ex.id, uscc });
    else {
      const e = newByUscc.get(uscc) ?? { uscc, name: p.name, region: ancestryOf(region), industryCode, lineCount: 0, criteriaMask: 0 };
      e.lineCount++;
      e.criteriaMask |= bit;
      newByUscc.set(uscc, e);
    }
  }

  return {
    errors,
    enterpriseCount: usccs.size,
    newEnterpriseCount: [...usccs].filter((u) => !lk.existing.has(u)).length,
    newEnterprises: [...newByUscc.values()],
    matched: [...matchedByUscc.values()],
    lines,
    // Summed in 1/10000 of the unit (numeric(14,4)) as integers, so totals do not drift.
    capacityByUnit: lk.catalogue.units
      .filter((u) => capacityByUnit.has(u.code))
      .map((u) => ({ unit: u.name, total: fromQ(capacityByUnit.get(u.code)!) })),
  };
}

function lookUpTown(actor: Pick<Actor, 'scope'>, raw: string, lk: Lookups): { region: RegionRow } | { error: string } {
  const code = townCode(raw);
  if (code) {
    const r = lk.regionsByCode.get(code);
    if (!r) return { error: `乡镇（街道）代码“${code}”不存在` };
    // Region names are public: say where the town lies rather than that it does not exist (issue 10 §3).
    if (!regionInScope(actor, ancestryOf(r))) return { error: outsideMessage(`“${code}”（${r.name}）`, r) };
    if (!TOWN_LEVELS.has(r.level)) return { error: `“${code}”是${r.name}，请填写乡镇（街道）、园区或县级区划代码` };
    return { region: r };
  }
  const found = matchTownByName(raw, lk.townsByName);
  if (found.length === 0) {
    const outside = matchTownByName(raw, lk.townsElsewhere ?? []);
    if (outside.length > 0) return { error: outsideMessage(raw, ...outside.slice(0, 3)) };
    return { error: `乡镇（街道）“${raw}”在本辖区内不存在，请检查名称或改填9位乡镇代码` };
  }
  if (found.length > 1) {
    const list = found.slice(0, 5).map((r) => `${r.fullName.replaceAll(' / ', '')}（${r.code}）`);
    return { error: `乡镇（街道）名称“${raw}”在本辖区内有多个：${list.join('、')}，请改填9位乡镇代码` };
  }
  return { region: found[0]! };
}

/** "乔楼镇属于荥阳市，不在本单位管辖范围内": the parent is the second-to-last part of the full name. */
function outsideMessage(what: string, ...towns: RegionRow[]): string {
  const parentOf = (r: RegionRow) => r.fullName.split(' / ').at(-2) ?? r.fullName;
  return `${what}属于${[...new Set(towns.map(parentOf))].join('或')}，不在本单位管辖范围内`;
}
