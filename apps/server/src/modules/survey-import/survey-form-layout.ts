/** The survey form (排查登记表) as seed 003's attachment and our template lay it out. */

export const SURVEY_FIELDS = [
  'seq',
  'town',
  'name',
  'uscc',
  'industry',
  'lineName',
  'specification',
  'quantity',
  'capacity',
  'unit',
  'criterion',
  'basis',
  'plannedExitDate',
  'note',
] as const;
export type SurveyField = (typeof SURVEY_FIELDS)[number];

/** Template header texts, in template column order. */
export const SURVEY_HEADERS: Record<SurveyField, string> = {
  seq: '序号',
  town: '所在乡镇（街道）',
  name: '企业名称',
  uscc: '统一社会信用代码',
  industry: '行业',
  lineName: '生产线（设备）名称',
  specification: '规格型号',
  quantity: '数量（台/套）',
  capacity: '产能',
  unit: '产能单位',
  criterion: '不达标类别',
  basis: '判定依据',
  plannedExitDate: '计划淘汰时间',
  note: '备注',
};

/** Columns a form must have; the others may be left out. */
export const REQUIRED_FIELDS: readonly SurveyField[] = ['town', 'name', 'uscc', 'industry', 'lineName', 'capacity', 'unit', 'criterion', 'basis'];

export const UNIT_NOTE = '产能单位：万吨（其中，玻璃，万重量箱；制革，万标张；印染，万米；电力，万千瓦）';

export const COLUMN_WIDTHS: Record<SurveyField, number> = {
  seq: 6,
  town: 16,
  name: 30,
  uscc: 22,
  industry: 10,
  lineName: 22,
  specification: 16,
  quantity: 10,
  capacity: 10,
  unit: 10,
  criterion: 10,
  basis: 36,
  plannedExitDate: 14,
  note: 16,
};

/** `××市（县）××年落后产能排查登记表` with the region filled in. */
export function surveyTitle(regionLabel: string, year: number): string {
  return `${regionLabel}${year}年落后产能排查登记表`;
}

/** The year as it is in Beijing (UTC+8), whatever the server's time zone. */
export function beijingYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** Most data rows one upload may hold; far above a county's survey, low enough to stop a zip bomb. */
export const MAX_DATA_ROWS = 100_000;
/** Rows searched for the header. */
export const HEADER_SEARCH_ROWS = 10;
