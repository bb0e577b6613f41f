import type { ImportRowError } from '@taotai/shared';
import { streamSheets } from '../../platform/documents/xlsx-stream.ts';
import { cellText, displayText } from './cell-values.ts';
import { type HeaderMap, looksLikeHeader, matchHeaderRow } from './header-matcher.ts';
import { classifyRow, type ParsedRow, parseRow } from './row-parser.ts';
import { HEADER_SEARCH_ROWS, MAX_DATA_ROWS, SURVEY_HEADERS } from './survey-form-layout.ts';

export interface ReadForm {
  title: string | null;
  header: HeaderMap | null;
  rows: ParsedRow[];
  /** File-level and phase-1 (row on its own) errors. */
  errors: ImportRowError[];
}

/** Thrown when exceljs cannot read the file at all (a damaged or disguised zip). */
export class UnreadableWorkbookError extends Error {}

/**
 * Streams the first visible sheet that has a survey-form header within its first rows and parses
 * its data rows. Only the compact parsed rows are kept, never the workbook.
 */
export async function readSurveyForm(path: string, signal?: AbortSignal): Promise<ReadForm> {
  const errors: ImportRowError[] = [];
  let sheets = 0;
  try {
    for await (const sheet of streamSheets(path, signal)) {
      sheets++;
      if (sheet.hidden) continue;
      const form = await readSheet(sheet.rows, errors);
      if (form) return form;
    }
  } catch (err) {
    throw new UnreadableWorkbookError(err instanceof Error ? err.message : String(err));
  }
  // A zip without worksheets (a .docx renamed, say) is not a workbook at all.
  if (sheets === 0) throw new UnreadableWorkbookError('no worksheet');
  errors.push({
    row: 0,
    column: null,
    message: `未找到表头：前${HEADER_SEARCH_ROWS}行中应有一行列名，如“${SURVEY_HEADERS.name}”“${SURVEY_HEADERS.uscc}”“${SURVEY_HEADERS.capacity}”`,
  });
  return { title: null, header: null, rows: [], errors };
}

async function readSheet(rows: AsyncIterable<{ number: number; values: unknown[] }>, errors: ImportRowError[]): Promise<ReadForm | null> {
  let header: HeaderMap | null = null;
  let title: string | null = null;
  const parsed: ParsedRow[] = [];
  for await (const r of rows) {
    if (!header) {
      // Give up on this sheet (e.g. a cover sheet) once past the rows a header may sit in.
      if (r.number > HEADER_SEARCH_ROWS) return null;
      const texts = r.values.map((v) => displayText(v));
      const h = matchHeaderRow(r.number, texts);
      if (looksLikeHeader(h)) {
        header = h;
        if (h.missing.length > 0) {
          for (const f of h.missing) errors.push({ row: h.row, column: SURVEY_HEADERS[f], message: `缺少“${SURVEY_HEADERS[f]}”列` });
          return { title, header, rows: [], errors };
        }
        continue;
      }
      // The title is the first text above the header that is not the unit note.
      const first = texts.find((t) => t !== '');
      if (!title && first && !/^(产能)?单位[:：]/.test(first)) title = first;
      continue;
    }
    const texts = r.values.map((v) => cellText(v));
    const kind = classifyRow(texts, header);
    // The 合计 row ends the table: what lies below it (notes, a second table, stray rows) is never read (issue 10 §3).
    if (kind === 'total') break;
    if (kind !== 'data') continue;
    if (parsed.length >= MAX_DATA_ROWS) {
      errors.push({ row: r.number, column: null, message: `数据超过${MAX_DATA_ROWS}行，请拆分为多个文件上传` });
      break;
    }
    parsed.push(parseRow(r.number, r.values, texts, header, errors));
  }
  if (!header) return null;
  if (parsed.length === 0 && errors.length === 0) {
    errors.push({ row: header.row, column: null, message: '表头下没有填写任何数据' });
  }
  return { title, header, rows: parsed, errors };
}
