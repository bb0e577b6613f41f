import ExcelJS from 'exceljs';
import { COLUMN_WIDTHS, SURVEY_FIELDS, SURVEY_HEADERS, type SurveyField, UNIT_NOTE } from './survey-form-layout.ts';

/** Column letter of a field in the template layout (A = 序号 … N = 备注). */
export const columnLetter = (f: SurveyField) => String.fromCharCode(65 + SURVEY_FIELDS.indexOf(f));

const LAST_COLUMN = columnLetter(SURVEY_FIELDS.at(-1)!);
export const HEADER_ROW = 3;

/**
 * Lays out the title row, the unit-note row (both merged across the form) and the header row
 * on a worksheet of either kind (in-memory or streaming); data starts on row 4.
 */
export function layOutSurveySheet(ws: ExcelJS.Worksheet, title: string): void {
  ws.columns = SURVEY_FIELDS.map((f) => ({ key: f, width: COLUMN_WIDTHS[f] }));
  // Codes are text: an 18-digit USCC typed into a number cell loses its last digits.
  for (const f of ['town', 'uscc'] as const) ws.getColumn(columnLetter(f)).numFmt = '@';
  ws.getColumn(columnLetter('plannedExitDate')).numFmt = 'yyyy-mm-dd';

  const titleRow = ws.getRow(1);
  titleRow.getCell(1).value = title;
  titleRow.getCell(1).font = { bold: true, size: 16 };
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  titleRow.height = 30;
  ws.mergeCells(`A1:${LAST_COLUMN}1`);
  const noteRow = ws.getRow(2);
  noteRow.getCell(1).value = UNIT_NOTE;
  noteRow.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };
  ws.mergeCells(`A2:${LAST_COLUMN}2`);
  const header = ws.getRow(HEADER_ROW);
  SURVEY_FIELDS.forEach((f, i) => {
    const c = header.getCell(i + 1);
    c.value = SURVEY_HEADERS[f];
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  header.height = 32;
}

export interface TemplateOptions {
  title: string;
  industries: string[];
  units: string[];
  criteria: string[];
  /** Township and park names of a small scope (a county or below); empty for larger ones. */
  towns: string[];
}

/** Rows that get drop-down lists in the template. */
const LIST_ROWS = 1000;

/** The blank survey form with drop-downs for 行业, 产能单位, 不达标类别 (and 所在乡镇 for a county). */
export async function buildTemplate(o: TemplateOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'taotai';
  const ws = wb.addWorksheet('排查登记表', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  layOutSurveySheet(ws, o.title);

  // The lists live on a hidden sheet: an inline list is capped at 255 characters.
  const lists = wb.addWorksheet('选项', { state: 'hidden' });
  const columns: [SurveyField, string[]][] = [
    ['industry', o.industries],
    ['unit', o.units],
    ['criterion', o.criteria],
    ['town', o.towns],
  ];
  columns.forEach(([field, values], i) => {
    if (values.length === 0) return;
    const col = String.fromCharCode(65 + i);
    lists.getCell(`${col}1`).value = SURVEY_HEADERS[field];
    values.forEach((v, k) => {
      lists.getCell(`${col}${k + 2}`).value = v;
    });
    const target = columnLetter(field);
    (ws as any).dataValidations.add(`${target}${HEADER_ROW + 1}:${target}${HEADER_ROW + LIST_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'选项'!$${col}$2:$${col}$${values.length + 1}`],
      // A town may also be given by its code, so the town list only warns.
      errorStyle: field === 'town' ? 'warning' : 'stop',
      showErrorMessage: true,
      errorTitle: '请从列表中选择',
      error: `请从下拉列表中选择${SURVEY_HEADERS[field]}`,
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
