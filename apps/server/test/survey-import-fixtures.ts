import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../src/db/client.ts';
import { syntheticUscc } from '../src/db/seeds/random.ts';
import { SURVEY_FIELDS, SURVEY_HEADERS, UNIT_NOTE } from '../src/modules/survey-import/survey-form-layout.ts';
import type { TestApp } from './support/test-app.ts';

export const FIXTURE = '/work/shared/fixtures/survey-form-sample.xlsx';
export const TEMPLATE_HEADER = SURVEY_FIELDS.map((f) => SURVEY_HEADERS[f]);

let serial = 900_000 + Math.floor(Math.random() * 50_000);
/** A fresh valid USCC registered in a county (never one of the demo data's). */
export const newUscc = (county = '410182') => syntheticUscc(county, serial++);

/** One template row: 序号 … 备注, with sensible values that the caller overrides. */
export function formRow(o: Partial<Record<(typeof SURVEY_FIELDS)[number], unknown>> = {}): unknown[] {
  const base: Record<string, unknown> = {
    seq: 1,
    town: '410182101',
    name: `荥阳市导入测试建材有限公司${serial}`,
    uscc: newUscc(),
    industry: '水泥',
    lineName: '机立窑生产线',
    specification: 'Φ2.5×10m',
    quantity: 1,
    capacity: 6,
    unit: '万吨',
    criterion: '技术',
    basis: '水泥机立窑、干法中空窑、立波尔窑、湿法窑',
    plannedExitDate: '2026-09-30',
    note: '',
    ...o,
  };
  return SURVEY_FIELDS.map((f) => base[f]);
}

/**
 * A real .xlsx as towns send it: a merged title row, a merged unit-note row, the header, the rows
 * (and anything extra the caller adds, e.g. blank or total rows).
 */
export async function formXlsx(
  rows: unknown[][],
  opts: { header?: string[]; title?: string | null; unitNote?: boolean; after?: (ws: ExcelJS.Worksheet) => void } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  const header = opts.header ?? TEMPLATE_HEADER;
  const last = String.fromCharCode(64 + header.length);
  if (opts.title !== null) {
    ws.addRow([opts.title ?? '郑州市（荥阳市）2026年落后产能排查登记表']);
    ws.mergeCells(`A${ws.rowCount}:${last}${ws.rowCount}`);
  }
  if (opts.unitNote !== false) {
    ws.addRow([UNIT_NOTE]);
    ws.mergeCells(`A${ws.rowCount}:${last}${ws.rowCount}`);
  }
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  opts.after?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** multipart/form-data body with one file field, as a browser sends it. */
export function multipart(file: Buffer, fileName = '排查登记表.xlsx', field = 'file') {
  const boundary = `----taotai${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function preview(t: TestApp, cookie: string, file: Buffer, fileName?: string) {
  const res = await t.request({ method: 'POST', url: '/api/v1/survey-imports/preview', cookie, ...multipart(file, fileName) });
  return res;
}

export async function commit(t: TestApp, cookie: string, token: string) {
  return t.request({ method: 'POST', url: '/api/v1/survey-imports/commit', cookie, payload: { token } });
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Row counts of everything an import writes. */
export async function counts(t: TestApp) {
  const [r] = await queryRows<{ e: number; l: number; s: number; a: number }>(
    t.ctx.db,
    sql`SELECT (SELECT count(*)::int FROM enterprise) AS e, (SELECT count(*)::int FROM line) AS l,
               (SELECT count(*)::int FROM survey_import) AS s, (SELECT count(*)::int FROM audit_log) AS a`,
  );
  return r!;
}
