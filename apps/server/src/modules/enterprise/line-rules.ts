import { CRITERION_LABELS, type Criterion, type LineBody } from '@taotai/shared';
import type { BasisItemRow, IndustryRow } from '../catalogue/index.ts';

export interface LineCatalogue {
  industries: ReadonlyMap<string, IndustryRow>;
  /** capacity unit code → name */
  units: ReadonlyMap<string, string>;
  basisItems: ReadonlyMap<number, BasisItemRow>;
}

export interface FieldProblem {
  path: string;
  message: string;
}

const isCalendarDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/**
 * What is wrong with a line against the catalogues, each problem naming its field. Pure, so the
 * survey import can check thousands of rows against catalogues loaded once.
 * `keptBasisItemId`: the line's current basis item, still allowed after it was deactivated.
 */
export function lineProblems(l: LineBody, cat: LineCatalogue, keptBasisItemId: number | null = null): FieldProblem[] {
  const out: FieldProblem[] = [];
  const ind = cat.industries.get(l.industryCode);
  const unitName = cat.units.get(l.capacityUnit);
  if (!ind) out.push({ path: 'industryCode', message: `行业“${l.industryCode}”不存在` });
  if (!unitName) out.push({ path: 'capacityUnit', message: `产能单位“${l.capacityUnit}”不存在` });
  if (ind && unitName && ind.unitCode !== l.capacityUnit) {
    // Capacities in different units never add up, so a line's unit is its industry's unit.
    const expected = cat.units.get(ind.unitCode) ?? ind.unitCode;
    out.push({ path: 'capacityUnit', message: `行业“${ind.name}”的产能单位应为“${expected}”，不能为“${unitName}”` });
  }
  if (l.basisItemId === null && l.basisText.trim() === '') {
    out.push({ path: 'basisItemId', message: '请选择判定依据或填写判定依据说明' });
  }
  if (l.basisItemId !== null) {
    const b = cat.basisItems.get(l.basisItemId);
    if (!b) {
      out.push({ path: 'basisItemId', message: '所选判定依据不存在' });
    } else {
      if (!b.active && b.id !== keptBasisItemId) {
        out.push({ path: 'basisItemId', message: `判定依据“${b.title}”已停用，请另选` });
      }
      if (b.criterion !== l.criterion) {
        out.push({
          path: 'basisItemId',
          message: `判定依据“${b.title}”属于“${CRITERION_LABELS[b.criterion as Criterion]}”类，与不达标类别“${CRITERION_LABELS[l.criterion]}”不符`,
        });
      }
      if (b.industryCode !== null && b.industryCode !== l.industryCode) {
        const of = cat.industries.get(b.industryCode)?.name ?? b.industryCode;
        out.push({ path: 'basisItemId', message: `判定依据“${b.title}”适用于“${of}”行业，与生产线的行业不符` });
      }
    }
  }
  if (l.plannedExitDate !== null && !isCalendarDate(l.plannedExitDate)) {
    out.push({ path: 'plannedExitDate', message: `计划淘汰时间“${l.plannedExitDate}”不是有效日期` });
  }
  return out;
}
