import ExcelJS from 'exceljs';

export const SURVEY_HEADER = [
  '序号',
  '所在乡镇（街道）',
  '企业名称',
  '统一社会信用代码',
  '行业',
  '生产线（设备）名称',
  '规格型号',
  '数量（台/套）',
  '产能',
  '产能单位',
  '不达标类别',
  '判定依据',
  '计划淘汰时间',
  '备注',
];

export interface SurveyRow {
  town: string;
  name: string;
  uscc: string;
  industry: string;
  lineName: string;
  spec: string;
  quantity: number;
  capacity: number;
  unit: string;
  criterion: string;
  basis: string;
  plannedExitDate: string;
}

/** A survey form as a town fills it in: title and unit note above the header (merged), then the rows. */
export async function surveyFormXlsx(title: string, rows: SurveyRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, SURVEY_HEADER.length);
  ws.addRow(['产能单位：万吨（其中，玻璃，万重量箱；制革，万标张；印染，万米；电力，万千瓦）']);
  ws.mergeCells(2, 1, 2, SURVEY_HEADER.length);
  ws.addRow(SURVEY_HEADER);
  for (const [i, r] of rows.entries()) {
    ws.addRow([i + 1, r.town, r.name, r.uscc, r.industry, r.lineName, r.spec, r.quantity, r.capacity, r.unit, r.criterion, r.basis, r.plannedExitDate, '']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every row of the first sheet as plain cell texts, for reading an exported file back. */
export async function readSheetRows(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c) => {
      cells.push(c.text ?? '');
    });
    out.push(cells);
  });
  return out;
}
