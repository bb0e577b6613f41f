import { toHalfWidth } from '@taotai/shared';
import { HEADER_SEARCH_ROWS, REQUIRED_FIELDS, SURVEY_FIELDS, type SurveyField } from './survey-form-layout.ts';

/**
 * Hand-filled forms rename, reorder and annotate the template's headers. A header cell is
 * normalised (half-width, no spaces, no （…） note, no required-marks) and then matched:
 * first against known names, then by the keyword that gives its meaning away.
 */
export function normaliseHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/[[\]【】*:]/g, '');
}

const ALIASES: Record<SurveyField, string[]> = {
  seq: ['序号', '编号', '序'],
  town: ['所在乡镇', '所在乡镇街道', '乡镇', '乡镇街道', '所在地区', '地区', '所在地', '镇街', '所属乡镇', '乡镇名称', '乡镇代码', '所在区域', '所在区划', '区划代码', '乡镇园区'],
  name: ['企业名称', '企业', '单位名称', '企业全称', '公司名称', '名称', '企业单位名称'],
  uscc: ['统一社会信用代码', '信用代码', '社会信用代码', '统一代码'],
  industry: ['行业', '所属行业', '行业类别', '行业名称'],
  lineName: ['生产线名称', '设备名称', '生产线', '设备', '生产线设备名称', '生产线设备', '装置名称'],
  specification: ['规格型号', '规格', '型号'],
  quantity: ['数量', '台套数', '台数', '设备数量'],
  capacity: ['产能', '生产能力', '设计产能', '产能规模', '年产能'],
  unit: ['产能单位', '单位', '计量单位'],
  criterion: ['不达标类别', '不达标类型', '类别', '淘汰类别', '落后类别', '不达标项'],
  basis: ['判定依据', '依据', '淘汰依据', '判定标准', '认定依据'],
  plannedExitDate: ['计划淘汰时间', '计划淘汰日期', '淘汰时间', '计划退出时间', '拟淘汰时间', '淘汰期限', '计划完成时间'],
  note: ['备注', '说明'],
};

const EXACT = new Map<string, SurveyField>();
for (const f of SURVEY_FIELDS) for (const a of ALIASES[f]) EXACT.set(a, f);

/** Order matters: `产能单位` is a unit before it is a capacity, `单位名称` a name before a unit. */
const KEYWORDS: [RegExp, SurveyField][] = [
  [/信用代码|社会信用/, 'uscc'],
  [/乡镇|街道|地区|镇街|区划/, 'town'],
  [/企业|公司|单位名称/, 'name'],
  [/规格|型号/, 'specification'],
  [/数量|台数|套数/, 'quantity'],
  [/生产线|设备|装置/, 'lineName'],
  [/单位/, 'unit'],
  [/产能|生产能力/, 'capacity'],
  [/不达标|类别|类型/, 'criterion'],
  [/依据|标准/, 'basis'],
  [/时间|日期|期限/, 'plannedExitDate'],
  [/行业/, 'industry'],
  [/备注/, 'note'],
  [/序号/, 'seq'],
];

export function matchHeaderCell(text: string): SurveyField | null {
  const n = normaliseHeader(text);
  if (!n || n.length > 20) return null;
  const exact = EXACT.get(n);
  if (exact) return exact;
  for (const [re, f] of KEYWORDS) if (re.test(n)) return f;
  return null;
}

export interface HeaderColumn {
  /** 0-based column index. */
  index: number;
  /** The header as written in the file, for error messages. */
  label: string;
}

export interface HeaderMap {
  /** Excel row number of the header. */
  row: number;
  columns: Partial<Record<SurveyField, HeaderColumn>>;
  missing: SurveyField[];
}

/** Maps the cells of one row; the first column claiming a field wins, unknown columns are ignored. */
export function matchHeaderRow(rowNumber: number, texts: readonly string[]): HeaderMap {
  const columns: HeaderMap['columns'] = {};
  texts.forEach((t, index) => {
    const f = t ? matchHeaderCell(t) : null;
    if (f && !columns[f]) columns[f] = { index, label: t.replace(/\s+/g, '') };
  });
  return { row: rowNumber, columns, missing: REQUIRED_FIELDS.filter((f) => !columns[f]) };
}

/** A title or unit-note row matches one field at most; a header names at least five, among them the enterprise. */
export function looksLikeHeader(h: HeaderMap): boolean {
  const n = Object.keys(h.columns).length;
  return n >= 5 && Boolean(h.columns.uscc || h.columns.name);
}

/**
 * Finds the header among the first rows (title and unit-note rows, often merged, come first).
 * Returns null when none of them looks like a header.
 */
export function findHeader(rows: readonly { number: number; texts: readonly string[] }[]): HeaderMap | null {
  for (const r of rows) {
    if (r.number > HEADER_SEARCH_ROWS) break;
    const h = matchHeaderRow(r.number, r.texts);
    if (looksLikeHeader(h)) return h;
  }
  return null;
}
