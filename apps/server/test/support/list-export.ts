import ExcelJS from 'exceljs';
import type { TestApp } from './test-app.ts';

/**
 * Reads a list export (platform/documents/xlsx-export.ts) back as a spreadsheet program would: the header row
 * with its autoFilter, and every data row as cell values (dates come back as Date, numbers as number).
 */
export interface ReadExport {
  status: number;
  body: string;
  contentType: string;
  disposition: string;
  header: string[];
  rows: unknown[][];
  autoFilter: unknown;
  numFmt: (row: number, col: number) => string | undefined;
}

export async function readExport(t: TestApp, cookie: string, url: string): Promise<ReadExport> {
  const res = await t.request({ method: 'GET', url, cookie });
  const base = {
    status: res.statusCode,
    body: res.statusCode === 200 ? '' : res.body,
    contentType: String(res.headers['content-type'] ?? ''),
    disposition: String(res.headers['content-disposition'] ?? ''),
  };
  if (res.statusCode !== 200) return { ...base, header: [], rows: [], autoFilter: null, numFmt: () => undefined };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  const ws = wb.worksheets[0]!;
  const all: unknown[][] = [];
  ws.eachRow((r) => {
    all.push((r.values as unknown[]).slice(1));
  });
  return {
    ...base,
    header: (all[0] ?? []).map(String),
    rows: all.slice(1),
    autoFilter: ws.autoFilter,
    numFmt: (row, col) => ws.getRow(row + 2).getCell(col + 1).numFmt,
  };
}

/** A data row as an object keyed by the header, so tests name columns rather than count them. */
export const byHeader = (x: ReadExport) => x.rows.map((r) => Object.fromEntries(x.header.map((h, i) => [h, r[i] ?? null])));
