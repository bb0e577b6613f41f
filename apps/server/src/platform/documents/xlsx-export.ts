import { PassThrough, type Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { attachmentHeader } from '../files/stored-files.ts';
import { neutraliseFormula } from './xlsx-safe.ts';
import { streamingWorkbook } from './xlsx-stream.ts';

/**
 * The one xlsx helper every list export uses (issue 11 "xlsx", ADR 0014): typed columns, so dates are real
 * Excel dates and a code never stands where a name belongs; a bold, filtered, frozen header; landscape and
 * fit-to-width when the sheet is wide. Rows arrive in batches walked from the list's cursor and are
 * committed as they come, so the whole filtered set streams out without ever being held at once.
 */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Over this many columns a sheet prints landscape, fitted to the page width. */
export const WIDE_COLUMNS = 8;

type Cell = string | number | Date | null | undefined;

export type XlsxColumn<R> =
  | { kind: 'text'; header: string; value: (r: R) => string | null | undefined; width?: number }
  | { kind: 'number'; header: string; value: (r: R) => number | string | null | undefined; format?: string; width?: number }
  /** A calendar date ('2026-03-01' or a Date): written as an Excel date shown yyyy-mm-dd. */
  | { kind: 'date'; header: string; value: (r: R) => string | Date | null | undefined; width?: number }
  /** An instant (ISO text or Date): written as its Beijing wall-clock time, shown yyyy-mm-dd hh:mm. */
  | { kind: 'datetime'; header: string; value: (r: R) => string | Date | null | undefined; width?: number }
  /** A coded value (region, industry, unit): two columns, the name right beside its code. */
  | { kind: 'coded'; header: string; nameHeader: string; code: (r: R) => string | null | undefined; name: (r: R) => string | null | undefined; width?: number; nameWidth?: number };

export interface XlsxExportSpec<R> {
  sheetName: string;
  /** Optional title line above the header (merged across the sheet). */
  title?: string;
  /** Optional line under the title naming the filters the export was made with. */
  filters?: string;
  columns: XlsxColumn<R>[];
  /** Batches of rows in list order; a batch is written and forgotten before the next is asked for. */
  batches: AsyncIterable<R[]> | Iterable<R[]>;
  /** Bold rows after the data (totals), cell by cell in the sheet's columns (a coded column is two). */
  footer?: () => (string | number | null)[][];
}

const DATE_FMT = 'yyyy-mm-dd';
const DATETIME_FMT = 'yyyy-mm-dd hh:mm';
const BEIJING_MS = 8 * 3600_000;

/** A calendar date as the Date exceljs turns into that day's serial number (exceljs counts in UTC). */
export function excelDate(v: string | Date | null | undefined): Date | null {
  if (v == null || v === '') return null;
  if (v instanceof Date) return new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()));
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** An instant as its Beijing wall-clock time (Excel has no time zones; users read Beijing time). */
export function excelDateTime(v: string | Date | null | undefined): Date | null {
  if (v == null || v === '') return null;
  const t = v instanceof Date ? v.getTime() : Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t + BEIJING_MS);
}

interface Flat<R> {
  header: string;
  width: number;
  numFmt?: string;
  cell: (r: R) => Cell;
}

/** Every column as the sheet's columns (a coded column is two). Text goes through the formula guard. */
function flatten<R>(columns: XlsxColumn<R>[]): Flat<R>[] {
  const text = (v: string | null | undefined) => (v == null ? null : neutraliseFormula(String(v)));
  return columns.flatMap((c): Flat<R>[] => {
    switch (c.kind) {
      case 'text':
        return [{ header: c.header, width: c.width ?? 16, cell: (r) => text(c.value(r)) }];
      case 'number':
        return [
          {
            header: c.header,
            width: c.width ?? 12,
            numFmt: c.format,
            cell: (r) => {
              const v = c.value(r);
              return v == null || v === '' ? null : Number(v);
            },
          },
        ];
      case 'date':
        return [{ header: c.header, width: c.width ?? 12, numFmt: DATE_FMT, cell: (r) => excelDate(c.value(r)) }];
      case 'datetime':
        return [{ header: c.header, width: c.width ?? 17, numFmt: DATETIME_FMT, cell: (r) => excelDateTime(c.value(r)) }];
      default:
        return [
          { header: c.header, width: c.width ?? 12, cell: (r) => text(c.code(r)) },
          { header: c.nameHeader, width: c.nameWidth ?? 16, cell: (r) => text(c.name(r)) },
        ];
    }
  });
}

/**
 * Writes the sheet into `out` (an HTTP response) and ends it; resolves with the number of data rows.
 * Stops early, without finishing the file, when the client has gone away.
 */
export async function writeXlsxExport<R>(out: Writable, spec: XlsxExportSpec<R>): Promise<number> {
  const cols = flatten(spec.columns);
  const n = cols.length;
  const headerRow = 1 + (spec.title ? 1 : 0) + (spec.filters ? 1 : 0);
  const wide = n > WIDE_COLUMNS;
  const wb = streamingWorkbook(out);
  // exceljs's stream writer emits views and page setup with the first row: they are given here, up front.
  const ws = wb.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: wide ? 'landscape' : 'portrait',
      fitToPage: wide,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  } as Partial<ExcelJS.AddWorksheetOptions>);
  ws.columns = cols.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  if (spec.title) {
    const row = ws.addRow([neutraliseFormula(spec.title)]);
    row.font = { size: 14, bold: true };
    row.alignment = { horizontal: 'center' };
    ws.mergeCells(row.number, 1, row.number, n);
    row.commit();
  }
  if (spec.filters) {
    const row = ws.addRow([neutraliseFormula(spec.filters)]);
    ws.mergeCells(row.number, 1, row.number, n);
    row.commit();
  }
  const header = ws.addRow(cols.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: n } };
  let count = 0;
  for await (const batch of spec.batches) {
    // The client went away: stop reading the database for nobody.
    if (out.destroyed) return count;
    for (const r of batch) {
      const row = ws.addRow(cols.map((c) => c.cell(r) ?? null));
      cols.forEach((c, i) => {
        if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
      });
      row.commit();
      count++;
    }
  }
  for (const values of spec.footer?.() ?? []) {
    const row = ws.addRow(values.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)));
    row.font = { bold: true };
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return count;
}

/**
 * Reads the first batch now, so a bad filter (a region out of scope: 404) answers with its status before
 * any byte of the file is sent; the returned iterable yields that batch and then the rest.
 */
export async function primeBatches<R>(batches: AsyncGenerator<R[]>): Promise<AsyncIterable<R[]>> {
  const first = await batches.next();
  return {
    async *[Symbol.asyncIterator]() {
      if (first.done) return;
      yield first.value;
      yield* { [Symbol.asyncIterator]: () => batches };
    },
  };
}

/** Walks a list's keyset pages from the start: every row of the filtered set, one page in memory at a time. */
export async function* walkCursor<R>(fetchPage: (cursor: string | undefined) => Promise<{ items: R[]; nextCursor: string | null }>): AsyncGenerator<R[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    if (page.items.length) yield page.items;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}


/**
 * Sends a prepared export as the reply body. Headers leave first; if writing fails afterwards the download is
 * cut short, so the client sees a failure and not a truncated file.
 */
export function sendXlsx(
  reply: { header(k: string, v: string): unknown; send(body: unknown): unknown },
  log: { error(o: unknown, msg: string): void },
  exp: { fileName: string; write(out: Writable): Promise<unknown> },
) {
  const body = new PassThrough();
  exp.write(body).catch((err) => {
    log.error(err, 'xlsx export failed');
    body.destroy(err);
  });
  reply.header('content-type', XLSX_MIME);
  reply.header('content-disposition', attachmentHeader(exp.fileName, 'export.xlsx'));
  return reply.send(body);
}
