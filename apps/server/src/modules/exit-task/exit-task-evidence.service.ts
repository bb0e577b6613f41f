import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EVIDENCE_KIND_LABELS, EVIDENCE_KINDS, EVIDENCE_MAX_BYTES, type EvidenceKind, type ExitTaskEvidence } from '@taotai/shared';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { SavedUpload } from '../../platform/documents/upload.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { checkUpload, openStoredFile, presentStoredFile, storeUpload, type UploadRule, uploadSpoolDir } from '../../platform/files/index.ts';
import { exitTaskRepository } from './exit-task.repository.ts';
import { mayUpload, readableTask } from './exit-task.service.ts';
import { stripJpegApp1 } from './jpeg-exif.ts';

/** Tasks whose evidence is final: accepted or closed tasks take no more files. */
const FINAL = new Set(['accepted', 'closed']);

const ruleFor = (kind: EvidenceKind): UploadRule => ({
  accept: ['image/jpeg', 'image/png', 'application/pdf'],
  maxBytes: EVIDENCE_MAX_BYTES,
  what: EVIDENCE_KIND_LABELS[kind],
});

/** Checked before the upload is read, so a task out of scope or closed costs no upload. */
export async function assertUploadable(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const v = await readableTask(ctx.db, actor, id);
  if (!mayUpload(actor, v)) throw forbidden('无权为该退出任务上传佐证材料');
  if (FINAL.has(v.task.status)) throw conflict('退出任务已验收或关闭，不能再上传佐证材料');
}

/**
 * Reads the multipart form: the `kind` field must come before the `file` field (browsers send fields
 * in form order), and the file is streamed to the spool directory while hashing it.
 */
export async function receiveEvidence(req: FastifyRequest, dataDir: string): Promise<{ kind: EvidenceKind; upload: SavedUpload }> {
  if (!req.isMultipart()) throw invalid('请以 multipart/form-data 方式上传文件（字段 kind 和 file）');
  const part = await req.file();
  if (part?.fieldname !== 'file') {
    part?.file.resume();
    throw invalid('请选择要上传的文件（字段名 file）');
  }
  const field = part.fields.kind;
  const raw = field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : '';
  if (!(EVIDENCE_KINDS as readonly string[]).includes(raw)) {
    part.file.resume();
    const message = `请在文件之前填写材料类别 kind（${EVIDENCE_KINDS.map((k) => `${k}：${EVIDENCE_KIND_LABELS[k]}`).join('，')}）`;
    throw invalid(message, [{ path: 'kind', message }]);
  }
  const dir = uploadSpoolDir(dataDir);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `evidence-${randomBytes(12).toString('hex')}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
  });
  try {
    await pipeline(part.file, tap, createWriteStream(file));
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
  if (part.file.truncated || size === 0) {
    await rm(file, { force: true });
    throw size === 0 ? invalid('上传的文件是空的') : new AppError(413, 'too_large', '上传文件过大');
  }
  return { kind: raw as EvidenceKind, upload: { fileName: part.filename || 'evidence', path: file, sha256: hash.digest('hex'), size } };
}

/** Files a photo or scan unchanged (type judged by content) and links it to the task, audited in one transaction. */
export async function addEvidence(ctx: AppContext, actor: Actor, id: number, kind: EvidenceKind, upload: SavedUpload): Promise<ExitTaskEvidence> {
  try {
    const mime = await checkUpload(upload, ruleFor(kind));
    const now = ctx.clock.now();
    return await ctx.db.transaction(async (tx) => {
      const v = await readableTask(tx, actor, id);
      if (!mayUpload(actor, v)) throw forbidden('无权为该退出任务上传佐证材料');
      if (FINAL.has(v.task.status)) throw conflict('退出任务已验收或关闭，不能再上传佐证材料');
      const file = await storeUpload(tx, ctx.config.dataDir, actor.userId, upload, mime, now);
      const ev = await exitTaskRepository.insertEvidence(tx, { taskId: id, kind, fileId: file.id, uploadedBy: actor.userId, uploadedAt: now });
      await recordAudit(tx, actor, now, {
        action: 'exit_task.evidence',
        entityType: 'exit_task',
        entityId: id,
        regionCode: v.regionCode,
        after: { kind, file: { id: file.id, name: file.originalName, sha256: file.sha256, size: file.size, mime: file.mime } },
      });
      return { id: ev.id, kind, file: presentStoredFile(file) };
    });
  } finally {
    // Moved into the store on success; otherwise the spooled copy goes.
    await rm(upload.path, { force: true });
  }
}

/**
 * An evidence file as uploaded, or with `display` a copy for showing beyond the officials: a JPEG
 * without its EXIF/XMP (GPS) segments. The stored original is never changed.
 */
export async function evidenceFile(ctx: AppContext, actor: Actor, id: number, evidenceId: number, display: boolean) {
  await readableTask(ctx.db, actor, id);
  const ev = await exitTaskRepository.evidenceById(ctx.db, id, evidenceId);
  if (!ev) throw notFound('佐证材料');
  const { row, stream } = await openStoredFile(ctx.db, ctx.config.dataDir, ev.fileId);
  if (!display || row.mime !== 'image/jpeg') return { row, body: stream as NodeJS.ReadableStream | Buffer };
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const stripped = stripJpegApp1(Buffer.concat(chunks));
  if (!stripped) throw new AppError(422, 'unreadable', `图片“${row.originalName}”的结构无法识别，不能生成展示用副本`);
  return { row, body: stripped };
}
