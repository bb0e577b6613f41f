import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
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
import {
  checkUpload,
  openStoredFile,
  type PhotoFacts,
  presentStoredFile,
  readPhotoFacts,
  storeUpload,
  type UploadRule,
  uploadSpoolDir,
} from '../../platform/files/index.ts';
import { raiseFlag } from '../data-quality/index.ts';
import { evidenceCheckRepository as checks } from './exit-task-evidence.repository.ts';
import { PHOTO_KINDS, photoTimeDoubts } from './evidence-checks.ts';
import { exitTaskRepository } from './exit-task.repository.ts';
import { mayUpload, readableTask } from './exit-task.service.ts';

/** Tasks whose evidence is final: accepted or closed tasks take no more files. */
const FINAL = new Set(['accepted', 'closed']);

const ruleFor = (kind: EvidenceKind): UploadRule => ({
  // Photos are images (by content, not name); signed scans and records may be PDF or images.
  accept: PHOTO_KINDS.has(kind) ? ['image/jpeg', 'image/png'] : ['image/jpeg', 'image/png', 'application/pdf'],
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

/** EXIF sits in the first segments: the head of the spooled original is enough (read before any display copy). */
async function photoFactsOf(path: string): Promise<PhotoFacts> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(256 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return readPhotoFacts(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

/**
 * Files a photo or scan unchanged (type judged by content) and links it to the task, audited in one
 * transaction. The same bytes in another slot of the task are refused; the same bytes on another task,
 * and photos whose capture time is missing or implausible, are accepted and flagged (issue 10 §3).
 */
export async function addEvidence(ctx: AppContext, actor: Actor, id: number, kind: EvidenceKind, upload: SavedUpload): Promise<ExitTaskEvidence> {
  try {
    const mime = await checkUpload(upload, ruleFor(kind));
    const facts: PhotoFacts = mime === 'image/jpeg' ? await photoFactsOf(upload.path) : { takenAt: null, gps: null };
    const now = ctx.clock.now();
    return await ctx.db.transaction(async (tx) => {
      const v = await readableTask(tx, actor, id);
      if (!mayUpload(actor, v)) throw forbidden('无权为该退出任务上传佐证材料');
      if (FINAL.has(v.task.status)) throw conflict('退出任务已验收或关闭，不能再上传佐证材料');
      const twin = (await checks.sameTask(tx, id, upload.sha256))[0];
      if (twin) {
        const slot = EVIDENCE_KIND_LABELS[twin.kind as EvidenceKind];
        const message = `文件“${upload.fileName}”与本任务已上传的${slot}“${twin.name}”内容完全相同，同一文件不能重复作为${EVIDENCE_KIND_LABELS[kind]}`;
        throw invalid(message, [{ path: 'file', message }]);
      }
      const elsewhere = await checks.otherTasks(tx, id, upload.sha256);
      const photoTimes = PHOTO_KINDS.has(kind) ? await checks.photoTimes(tx, id) : [];
      const file = await storeUpload(tx, ctx.config.dataDir, actor.userId, upload, mime, now);
      const ev = await exitTaskRepository.insertEvidence(tx, {
        taskId: id,
        kind,
        fileId: file.id,
        uploadedBy: actor.userId,
        uploadedAt: now,
        takenAt: facts.takenAt,
        gps: facts.gps,
      });
      await recordAudit(tx, actor, now, {
        action: 'exit_task.evidence',
        entityType: 'exit_task',
        entityId: id,
        regionCode: v.regionCode,
        after: { kind, file: { id: file.id, name: file.originalName, sha256: file.sha256, size: file.size, mime: file.mime }, takenAt: facts.takenAt },
      });
      const where = `${v.enterpriseName}“${v.lineName}”`;
      if (elsewhere.length > 0) {
        const uses = elsewhere.map((o) => `${o.enterpriseName}“${o.lineName}”的${EVIDENCE_KIND_LABELS[o.kind as EvidenceKind]}`);
        await raiseFlag(tx, actor, now, {
          regionCode: v.regionCode,
          kind: 'evidence_reuse',
          entityType: 'exit_task',
          entityId: id,
          message: `${where}的${EVIDENCE_KIND_LABELS[kind]}“${upload.fileName}”与${uses.join('、')}内容完全相同，疑似重复使用`,
          details: { evidenceId: ev.id, sha256: upload.sha256, others: elsewhere },
        });
      }
      if (PHOTO_KINDS.has(kind)) {
        const doubts = photoTimeDoubts(kind, facts.takenAt, await checks.planApprovedAt(tx, v.task.planId), photoTimes);
        if (doubts.length > 0) {
          await raiseFlag(tx, actor, now, {
            regionCode: v.regionCode,
            kind: 'photo_time',
            entityType: 'exit_task',
            entityId: id,
            message: `${where}：${doubts.join('；')}`,
            details: { evidenceId: ev.id, kind, takenAt: facts.takenAt },
          });
        }
      }
      return { id: ev.id, kind, file: presentStoredFile(file), takenAt: facts.takenAt, gps: facts.gps };
    });
  } finally {
    // Moved into the store on success; otherwise the spooled copy goes.
    await rm(upload.path, { force: true });
  }
}

/**
 * An evidence file as served: a PDF as uploaded, a photo only as a re-encoded copy (upright, without EXIF/GPS;
 * with `display` a 320 px thumbnail). The stored original is never changed nor sent (ADR 0010).
 */
export async function evidenceFile(ctx: AppContext, actor: Actor, id: number, evidenceId: number, display: boolean) {
  await readableTask(ctx.db, actor, id);
  const ev = await exitTaskRepository.evidenceById(ctx.db, id, evidenceId);
  if (!ev) throw notFound('佐证材料');
  const { row, stream } = await openStoredFile(ctx.db, ctx.config.dataDir, ev.fileId, display ? 'thumb' : 'full');
  return { row, body: stream };
}
