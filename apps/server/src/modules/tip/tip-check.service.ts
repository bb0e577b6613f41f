import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Tip, TipCheckBody } from '@taotai/shared';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import type { SavedUpload } from '../../platform/documents/upload.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { checkUpload, openStoredFile, type StoredFileRow, storeUpload, type UploadRule, uploadSpoolDir } from '../../platform/files/index.ts';
import { isHandler } from './tip.machine.ts';
import { tipRecordOf } from './tip.presenter.ts';
import { tipRecordRepository as records } from './tip-record.repository.ts';
import { tipRepository } from './tip.repository.ts';
import { presentReadable, readableTip } from './tip.service.ts';

/** Check evidence (核查照片, 笔录): PDF or photos, kept unchanged under their hash like case evidence (ADR 0010). */
export const TIP_CHECK_FILE_RULE: UploadRule = { accept: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 20 * 1024 * 1024, what: '核查证据材料' };
const MAX_FILES = 10;

/** A check form: its fields and the spooled evidence (`files`). The caller removes the spool files. */
export interface CheckForm {
  fields: Record<string, string>;
  files: SavedUpload[];
}

async function spool(stream: Readable, dir: string, fileName: string): Promise<SavedUpload> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `tip-check-${randomBytes(12).toString('hex')}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
  });
  await pipeline(stream, tap, createWriteStream(file));
  return { fileName, path: file, sha256: hash.digest('hex'), size };
}

/** Reads the multipart check form (a JSON body is fields only); any failure removes what was spooled. */
export async function readCheckForm(req: FastifyRequest, dataDir: string): Promise<CheckForm> {
  if (!req.isMultipart()) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    return { fields: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v ?? '')])), files: [] };
  }
  const form: CheckForm = { fields: {}, files: [] };
  try {
    for await (const part of req.parts({ limits: { files: MAX_FILES, fileSize: TIP_CHECK_FILE_RULE.maxBytes, fields: 20 } })) {
      if (part.type === 'field') form.fields[part.fieldname] = String(part.value ?? '');
      else if (part.fieldname !== 'files') part.file.resume();
      else {
        const saved = await spool(part.file, uploadSpoolDir(dataDir), part.filename || 'evidence');
        form.files.push(saved);
        if (part.file.truncated) throw new AppError(413, 'too_large', '每个证据材料不能超过20MB');
        if (saved.size === 0) throw invalid('上传的证据材料是空的', [{ path: 'files', message: '文件是空的' }]);
      }
    }
  } catch (err) {
    await discardCheckForm(form);
    throw err;
  }
  return form;
}

export const discardCheckForm = (form: CheckForm) => Promise.all(form.files.map((f) => rm(f.path, { force: true })));

/**
 * 核查记录 (issue 13 "The check is recorded (site visit, findings, evidence)"): by the handling office while the tip
 * is accepted and not yet concluded; the evidence is checked by content and stored with the record, audited together.
 */
export async function addTipCheck(db: Db, clock: Clock, dataDir: string, actor: Actor, id: number, form: CheckForm): Promise<Tip> {
  try {
    const parsed = TipCheckBody.safeParse(form.fields);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw invalid(fields[0]?.message ?? '核查记录填写有误', fields);
    }
    const body = parsed.data;
    const mimes: Awaited<ReturnType<typeof checkUpload>>[] = [];
    for (const f of form.files) mimes.push(await checkUpload(f, TIP_CHECK_FILE_RULE));
    const now = clock.now();
    return await db.transaction(async (tx) => {
      await tipRepository.lock(tx, id);
      const v = await readableTip(tx, actor, id);
      if (!isHandler(actor, tipRecordOf(v))) throw forbidden('核查记录由承办单位录入');
      if (v.t.status !== 'verifying') throw conflict('举报受理后、提交办结前才能录入核查记录');
      const stored: StoredFileRow[] = [];
      for (const [i, f] of form.files.entries()) stored.push(await storeUpload(tx, dataDir, actor.userId, f, mimes[i]!, now));
      const check = await records.insertCheck(tx, {
        tipId: id,
        ...body,
        files: stored.map((s) => ({ id: s.id, name: s.originalName, mime: s.mime })),
        recordedBy: actor.userId,
        createdAt: now,
      });
      for (const s of stored) await records.insertFile(tx, { tipId: id, storedFileId: s.id, source: 'office' });
      await recordAudit(tx, actor, now, {
        action: 'tip.check',
        entityType: 'tip',
        entityId: id,
        regionCode: v.t.handlingRegionCode,
        after: { checkId: check.id, checkedOn: body.checkedOn, method: body.method, files: stored.map((s) => ({ id: s.id, sha256: s.sha256 })) },
      });
      return presentReadable(tx, actor, v, todayInChina(now));
    });
  } finally {
    await discardCheckForm(form);
  }
}

/** One file of a tip in reach: the tipster's stripped copy or the office's evidence (a photo served re-encoded, ADR 0010). */
export async function tipFile(db: Db, dataDir: string, actor: Actor, id: number, fileId: number): Promise<{ row: StoredFileRow; stream: Readable }> {
  await readableTip(db, actor, id);
  if (!(await records.hasFile(db, id, fileId))) throw notFound('附件');
  return openStoredFile(db, dataDir, fileId);
}
