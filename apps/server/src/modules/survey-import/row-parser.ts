import { CRITERIA, CRITERION_ALIASES, CRITERION_LABELS, checkUscc, type Criterion, type ImportRowError, toHalfWidth } from '@taotai/shared';
import { enterpriseName, nameKey, parseDate, parseNumber } from './cell-values.ts';
import type { HeaderMap } from './header-matcher.ts';
import { SURVEY_HEADERS, type SurveyField } from './survey-form-layout.ts';

/**
 * Phase 1 of checking a survey form: each data row on its own, without the database.
 * What needs lookups (town, industry, unit, existing enterprises) is checked in `resolve-rows.ts`.
 */

/** One data row, normalised; a field that failed its check holds null and the error is recorded. */
export interface ParsedRow {
  row: number;
  /** The form's own 序号 as written (row messages name it beside the sheet row). */
  seq: string;
  /** False when any check of this phase failed. */
  valid: boolean;
  town: string;
  name: string;
  nameKey: string;
  uscc: string | null;
  industry: string;
  lineName: string;
  specification: string;
  quantity: number | null;
  capacity: number | null;
  unit: string;
  criterion: Criterion | null;
  basis: string;
  plannedExitDate: string | null;
  note: string;
}

export type RowKind = 'data' | 'blank' | 'total' | 'remark';

const TOTAL_WORDS = /^(合计|总计|小计|共计)/;
const REMARK_WORDS = /^(注|备注|说明|填表|填报|审核|负责人|联系人)/;

/**
 * Which rows below the header are data (`texts`: the row's cells through `cellText`).
 * Blank rows (a pre-numbered 序号 alone counts as blank), the total row (`合计` in one of its
 * first cells) and a trailing remark line (`注：…`, `填表人：…`) are skipped.
 */
export function classifyRow(texts: readonly string[], header: HeaderMap): RowKind {
  const mapped = Object.entries(header.columns).filter(([f]) => f !== 'seq');
  const filled = mapped.filter(([, c]) => (texts[c!.index] ?? '') !== '');
  const nonEmpty = texts.filter((t) => t !== '');
  if (nonEmpty.length === 0 || filled.length === 0) return 'blank';
  if (nonEmpty.slice(0, 3).some((t) => TOTAL_WORDS.test(t.replace(/\s+/g, '')))) return 'total';
  if (nonEmpty.length === 1 && nonEmpty[0]!.length >= 4 && REMARK_WORDS.test(nonEmpty[0]!)) return 'remark';
  return 'data';
}

/** The criterion a cell names, by the words forms use for each (e.g. `工艺装备` → technology). */
export function matchCriterion(text: string): Criterion[] {
  const t = text.replace(/\s+/g, '');
  return CRITERIA.filter((c) => CRITERION_ALIASES[c].some((w) => t.includes(w)));
}

const MAX_CAPACITY = 1e8;

/** `values` are the raw cells (numbers and dates are read from them), `texts` the same through `cellText`. */
export function parseRow(
  rowNumber: number,
  values: readonly unknown[],
  texts: readonly string[],
  header: HeaderMap,
  errors: ImportRowError[],
): ParsedRow {
  const errorsBefore = errors.length;
  const cell = (f: SurveyField) => {
    const c = header.columns[f];
    return c ? values[c.index] : null;
  };
  const textOf = (f: SurveyField) => {
    const c = header.columns[f];
    return c ? (texts[c.index] ?? '') : '';
  };
  const compact = (f: SurveyField) => textOf(f).replace(/\s+/g, '');
  const fail = (f: SurveyField, message: string) =>
    errors.push({ row: rowNumber, column: header.columns[f]?.label ?? SURVEY_HEADERS[f], message });
  const text = (f: SurveyField, label: string, max: number, required: boolean): string => {
    const t = textOf(f);
    if (required && t === '') fail(f, `请填写${label}`);
    else if (t.length > max) fail(f, `${label}不超过${max}字，实际为${t.length}字`);
    return t;
  };

  const town = compact('town');
  if (town === '') fail('town', '请填写所在乡镇（街道）');

  const name = enterpriseName(textOf('name'));
  if (name === '') fail('name', '请填写企业名称');
  else if (name.length < 2) fail('name', '企业名称至少2个字');
  else if (name.length > 100) fail('name', `企业名称不超过100字，实际为${name.length}字`);

  const usccCheck = checkUscc(textOf('uscc'));
  if (!usccCheck.ok) fail('uscc', usccCheck.message);

  const industry = compact('industry');
  if (industry === '') fail('industry', '请填写行业');

  const lineName = text('lineName', '生产线（设备）名称', 100, true);
  const specification = text('specification', '规格型号', 100, false);

  let quantity: number | null = 1;
  if (header.columns.quantity) {
    const q = parseNumber(cell('quantity'));
    if (!q.ok || (q.value !== null && (!Number.isInteger(q.value) || q.value <= 0))) {
      fail('quantity', `数量应为正整数，实际为“${q.ok ? q.value : q.text}”`);
      quantity = null;
    } else quantity = q.value ?? 1;
  }

  let capacity: number | null = null;
  const cap = parseNumber(cell('capacity'));
  if (!cap.ok) fail('capacity', `产能应为数字，实际为“${cap.text}”`);
  else if (cap.value === null) fail('capacity', '请填写产能');
  else if (cap.value <= 0) fail('capacity', `产能应大于0，实际为${cap.value}`);
  else if (cap.value > MAX_CAPACITY) fail('capacity', `产能数值过大（${cap.value}）`);
  else capacity = cap.value;

  // 万吨/年 and 万吨 are the same unit on a form.
  const unit = toHalfWidth(compact('unit')).replace(/(\/|每)年$/, '');
  if (unit === '') fail('unit', '请填写产能单位');

  let criterion: Criterion | null = null;
  const critText = compact('criterion');
  if (critText === '') fail('criterion', '请填写不达标类别');
  else {
    const found = matchCriterion(critText);
    const names = CRITERIA.map((c) => CRITERION_LABELS[c]).join('、');
    if (found.length === 0) fail('criterion', `不达标类别“${critText}”无法识别，应为${names}之一`);
    else if (found.length > 1)
      fail('criterion', `一行只能填写一个不达标类别（识别到${found.map((c) => CRITERION_LABELS[c]).join('、')}），请分行填写`);
    else criterion = found[0]!;
  }

  const basis = text('basis', '判定依据', 300, true);

  let plannedExitDate: string | null = null;
  if (header.columns.plannedExitDate) {
    const d = parseDate(cell('plannedExitDate'));
    if (!d.ok) fail('plannedExitDate', `计划淘汰时间“${d.text}”无法识别，请按 2026-09-30 的格式填写`);
    else if (d.value && (d.value < '2000-01-01' || d.value > '2100-12-31')) fail('plannedExitDate', `计划淘汰时间${d.value}超出合理范围`);
    else plannedExitDate = d.value;
  }

  const note = text('note', '备注', 500, false);

  return {
    row: rowNumber,
    seq: textOf('seq'),
    valid: errors.length === errorsBefore,
    town,
    name,
    nameKey: nameKey(name),
    uscc: usccCheck.ok ? usccCheck.value : null,
    industry,
    lineName,
    specification,
    quantity,
    capacity,
    unit,
    criterion,
    basis,
    plannedExitDate,
    note,
  };
}
