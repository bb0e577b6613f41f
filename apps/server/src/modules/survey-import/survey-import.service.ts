import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { ImportPreview, ImportRowError } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { UploadLimits } from '../../config.ts';
import { withParseBudget } from '../../platform/documents/parse-budget.ts';
import { sniffSpreadsheet } from '../../platform/documents/xlsx-stream.ts';
import { checkZipFile, DamagedZipError, ZipTooLargeError } from '../../platform/documents/zip-check.ts';
import type { SavedUpload } from '../../platform/documents/upload.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { BULK_BATCH, enterpriseBulkRepository } from '../enterprise/index.ts';
import { claimToken, finishToken, releaseToken, storeToken, sweepTokens } from './import-tokens.ts';
import { type CheckedForm, checkRows } from './survey-check.ts';
import { type ReadForm, readSurveyForm, UnreadableWorkbookError } from './survey-form-reader.ts';
import { surveyImportRepository } from './survey-import.repository.ts';

/** Errors listed in a preview; the count covers them all. */
const ERROR_LIST_LIMIT = 1000;

export const importsDir = (ctx: Pick<AppContext, 'config'>) => path.join(ctx.config.dataDir, 'imports');

async function assertXlsx(file: string): Promise<void> {
  const kind = await sniffSpreadsheet(file);
  if (kind === 'xls') throw invalid('这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 格式后再上传');
  if (kind !== 'xlsx') throw invalid('文件内容不是 Excel .xlsx 格式（与文件名无关），请上传 .xlsx 文件');
}

const DAMAGED = '文件已损坏或不是有效的 Excel 文件（.xlsx），请用 Excel 打开后另存为 .xlsx 再上传';

/**
 * Reads a form within the upload budgets (issue 9): the zip is checked whole first (a damaged entry would
 * stall exceljs for ever), its uncompressed size is bounded, and the whole read has a time limit.
 */
async function readForm(limits: UploadLimits, file: string): Promise<ReadForm> {
  await assertXlsx(file);
  const abort = new AbortController();
  const read = async () => {
    await checkZipFile(file, { maxUncompressedBytes: limits.maxUnzippedBytes });
    return readSurveyForm(file, abort.signal);
  };
  try {
    return await withParseBudget(read(), limits.parseTimeoutMs, () => abort.abort());
  } catch (err) {
    if (err instanceof UnreadableWorkbookError || err instanceof DamagedZipError) throw invalid(DAMAGED);
    if (err instanceof ZipTooLargeError) {
      throw new AppError(413, 'too_large', `文件解压后超过${Math.round(limits.maxUnzippedBytes / 1024 / 1024)}MB，请拆分为多个文件上传`);
    }
    throw err;
  }
}

function fileSha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });
}

function presentPreview(c: CheckedForm, fileName: string, token: string | null): ImportPreview {
  const r = c.resolved;
  return {
    token,
    fileName,
    title: c.form.title,
    rowCount: c.form.rows.length,
    enterpriseCount: r?.enterpriseCount ?? 0,
    newEnterpriseCount: r?.newEnterpriseCount ?? 0,
    lineCount: r?.lines.length ?? 0,
    errors: c.errors.slice(0, ERROR_LIST_LIMIT),
    errorCount: c.errors.length,
    capacityByUnit: r?.capacityByUnit ?? [],
  };
}

/** Reads and checks a form on disk without writing anything (the preview without the upload). */
export async function checkFile(ctx: Pick<AppContext, 'db' | 'config'>, actor: Actor, file: string): Promise<CheckedForm> {
  return checkRows(ctx.db, actor, await readForm(ctx.config.uploads, file));
}

/**
 * Checks an uploaded survey form against the catalogues, the region tree and the registered
 * enterprises. Writes nothing to the database; a clean file is kept under a token for `commit`.
 */
export async function previewUpload(ctx: AppContext, actor: Actor, upload: SavedUpload): Promise<ImportPreview> {
  const dir = importsDir(ctx);
  let kept = false;
  try {
    await sweepTokens(dir, ctx.clock.now());
    const form = await readForm(ctx.config.uploads, upload.path);
    const checked = await checkRows(ctx.db, actor, form);
    let token: string | null = null;
    if (checked.errors.length === 0 && checked.resolved && checked.resolved.lines.length > 0) {
      token = await storeToken(
        dir,
        upload.path,
        { userId: actor.userId, username: actor.username, fileName: upload.fileName, sha256: upload.sha256, title: form.title },
        ctx.clock.now(),
      );
      kept = true;
    }
    return presentPreview(checked, upload.fileName, token);
  } finally {
    if (!kept) await rm(upload.path, { force: true });
  }
}

export interface ImportProgress {
  phase: 'checked' | 'enterprises' | 'lines' | 'finishing';
  done: number;
  total: number;
}

export interface ImportResult {
  importId: number;
  enterprisesCreated: number;
  enterprisesMatched: number;
  linesCreated: number;
}

/** Commits a previewed file: its token must be the caller's, unexpired and unused. */
export async function commitImport(ctx: AppContext, actor: Actor, token: string): Promise<ImportResult> {
  const dir = importsDir(ctx);
  const { path: file, meta } = await claimToken(dir, token, actor, ctx.clock.now());
  let result: ImportResult;
  try {
    result = await importFile(ctx, actor, { path: file, fileName: meta.fileName, expectedSha256: meta.sha256 });
  } catch (err) {
    await releaseToken(dir, token);
    throw err;
  }
  await finishToken(dir, token, meta, result.importId);
  return result;
}

function recheckFailed(errors: ImportRowError[]): AppError {
  const where = (e: ImportRowError) => (e.row > 0 ? `第${e.row}行${e.column ? `“${e.column}”` : ''}` : '文件');
  const sample = errors
    .slice(0, 3)
    .map((e) => `${where(e)}：${e.message}`)
    .join('；');
  return new AppError(
    409,
    'import_recheck_failed',
    `提交时复核未通过（共${errors.length}处问题，数据可能已被他人修改），未导入任何数据。${sample}`,
    errors.slice(0, 50).map((e) => ({ path: where(e), message: e.message })),
  );
}

/** Compact record of many ids: consecutive runs as [first, last]. */
export function idRanges(ids: readonly number[]): [number, number][] {
  const sorted = [...ids].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const id of sorted) {
    const last = out.at(-1);
    if (last && id === last[1] + 1) last[1] = id;
    else out.push([id, id]);
  }
  return out;
}

/**
 * Re-reads and re-checks the file (the data may have changed since the preview) and writes it in
 * ONE transaction: new enterprises, their lines, lines of matched enterprises, their counters,
 * the survey_import row and the audit entry. Any failure leaves nothing behind.
 */
export async function importFile(
  ctx: AppContext,
  actor: Actor,
  file: { path: string; fileName: string; expectedSha256?: string },
  opts: { onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportResult> {
  const sha256 = await fileSha256(file.path);
  if (file.expectedSha256 && sha256 !== file.expectedSha256) throw conflict('待导入的文件与预览时不一致，请重新上传');
  let form: ReadForm | null = await readForm(ctx.config.uploads, file.path);
  const { title } = form;
  const rowCount = form.rows.length;
  const progress = opts.onProgress ?? (() => {});
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      // Existing enterprises are locked here, so nobody changes their lines until we commit.
      let checked: CheckedForm | null = await checkRows(tx, actor, form!, true);
      if (checked.errors.length > 0 || !checked.resolved) throw recheckFailed(checked.errors);
      const r = checked.resolved;
      // The parsed rows are not needed past this point; on a big file they are tens of MB.
      checked = null;
      form = null;
      progress({ phase: 'checked', done: rowCount, total: rowCount });

      const idByUscc = new Map<string, number>();
      const createdIds: number[] = [];
      for (let i = 0; i < r.newEnterprises.length; i += BULK_BATCH) {
        progress({ phase: 'enterprises', done: i, total: r.newEnterprises.length });
        const batch = r.newEnterprises.slice(i, i + BULK_BATCH).map((e) => ({
          uscc: e.uscc,
          name: e.name,
          regionCode: e.region.code,
          provinceCode: e.region.provinceCode,
          prefectureCode: e.region.prefectureCode,
          countyCode: e.region.countyCode,
          townshipCode: e.region.townshipCode,
          industryCode: e.industryCode,
          criteriaMask: e.criteriaMask,
          lineCount: e.lineCount,
        }));
        for (const x of await enterpriseBulkRepository.insertEnterprises(tx, batch, now)) {
          idByUscc.set(x.uscc, x.id);
          createdIds.push(x.id);
        }
      }
      for (const m of r.matched) idByUscc.set(m.uscc, m.id);

      const lineIds: number[] = [];
      for (let i = 0; i < r.lines.length; i += BULK_BATCH) {
        progress({ phase: 'lines', done: i, total: r.lines.length });
        const batch = r.lines.slice(i, i + BULK_BATCH).map(({ uscc, ...l }) => ({ ...l, enterpriseId: idByUscc.get(uscc)! }));
        lineIds.push(...(await enterpriseBulkRepository.insertLines(tx, batch, now)));
      }

      progress({ phase: 'finishing', done: r.lines.length, total: r.lines.length });
      const matchedIds = r.matched.map((m) => m.id);
      await enterpriseBulkRepository.refreshLineStats(tx, matchedIds, now);
      const importId = await surveyImportRepository.insert(tx, {
        fileName: file.fileName,
        fileSha256: sha256,
        title,
        regionCode: actor.regionCode,
        importedBy: actor.userId ?? 0,
        importedAt: now,
        rowCount,
        enterprisesCreated: createdIds.length,
        linesCreated: lineIds.length,
      });
      await recordAudit(tx, actor, now, {
        action: 'survey_import.commit',
        entityType: 'survey_import',
        entityId: importId,
        regionCode: actor.regionCode,
        after: {
          fileName: file.fileName,
          fileSha256: sha256,
          title,
          rowCount,
          enterprisesCreated: createdIds.length,
          enterprisesMatched: matchedIds.length,
          linesCreated: lineIds.length,
          // Id runs rather than 50,000 numbers; inserts of one statement are usually one run.
          createdEnterpriseIds: idRanges(createdIds),
          matchedEnterpriseIds: idRanges(matchedIds),
          createdLineIds: idRanges(lineIds),
        },
      });
      return { importId, enterprisesCreated: createdIds.length, enterprisesMatched: matchedIds.length, linesCreated: lineIds.length };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('部分企业刚刚被他人登记，未导入任何数据，请重新上传预览');
    throw err;
  }
}
