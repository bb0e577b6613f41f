import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

/** What an uploaded file really is, judged by its first bytes rather than its name. */
export type SpreadsheetKind = 'xlsx' | 'xls' | 'other';

/** .xlsx is a zip (PK\x03\x04); legacy .xls is an OLE2 compound file (D0 CF 11 E0). */
export async function sniffSpreadsheet(path: string): Promise<SpreadsheetKind> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await fh.read(head, 0, 8, 0);
    if (bytesRead >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'xlsx';
    if (bytesRead >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) return 'xls';
    return 'other';
  } finally {
    await fh.close();
  }
}

export interface StreamedRow {
  /** Row number as Excel shows it (1-based). */
  number: number;
  /** Cell values, index 0 = column A; exceljs value shapes (string, number, Date, rich text, formula…). */
  values: unknown[];
}

export interface StreamedSheet {
  name: string;
  hidden: boolean;
  rows: AsyncIterable<StreamedRow>;
}

/** Decodes UTF-8 across chunk boundaries (a character's bytes may straddle two chunks). */
async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const c of chunks) {
    const s = typeof c === 'string' ? c : decoder.write(c);
    if (s) yield s;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

function utf8Transform(): Transform {
  const decoder = new StringDecoder('utf8');
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, cb) {
      const s = decoder.write(chunk);
      cb(null, s || undefined);
    },
    flush(cb) {
      const rest = decoder.end();
      cb(null, rest || undefined);
    },
  });
}

const BaseReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: string | NodeJS.ReadableStream, options: object) => any;

/**
 * exceljs 4.4's streaming reader decodes each decompressed chunk on its own, so a Chinese
 * character cut by a chunk boundary comes out as U+FFFD (seen on 50,000-row forms). The sheet and
 * shared-string parts are fed to it as already-decoded text instead.
 */
class Utf8SafeWorkbookReader extends BaseReader {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    return super._parseWorksheet(decodeUtf8(iterator), sheetNo);
  }
  _parseSharedStrings(entry: NodeJS.ReadableStream) {
    return super._parseSharedStrings(entry.pipe(utf8Transform()));
  }
}

/**
 * Reads an .xlsx file sheet by sheet and row by row with exceljs's streaming reader, so memory
 * stays flat however long the file is. Styles are read so date-formatted cells arrive as Dates.
 * A sheet's rows must be consumed (or abandoned) before the next sheet is asked for.
 * Aborting `signal` (a parse over its time budget) destroys the file stream, and so does leaving early.
 */
export async function* streamSheets(path: string, signal?: AbortSignal): AsyncGenerator<StreamedSheet> {
  const input = createReadStream(path);
  const stop = () => input.destroy();
  signal?.addEventListener('abort', stop, { once: true });
  const reader = new Utf8SafeWorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const ws of reader as unknown as AsyncIterable<any>) {
      yield { name: String(ws.name ?? ''), hidden: ws.state === 'hidden' || ws.state === 'veryHidden', rows: rowsOf(ws) };
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    input.destroy();
  }
}

async function* rowsOf(ws: AsyncIterable<any>): AsyncGenerator<StreamedRow> {
  for await (const row of ws) {
    const raw = row.values as unknown[];
    // exceljs rows are 1-based and sparse; make them dense and 0-based.
    const values: unknown[] = [];
    for (let i = 1; i < raw.length; i++) values.push(raw[i] ?? null);
    yield { number: row.number as number, values };
  }
}

/**
 * A streaming workbook that writes straight into `out` (an HTTP response or a file):
 * committed rows are flushed and forgotten, so a 50,000-row export does not build up in memory.
 */
export function streamingWorkbook(out: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
}
