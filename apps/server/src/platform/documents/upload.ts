import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../errors.ts';

export interface SavedUpload {
  /** Name the user's browser gave the file (only for display; content decides what it is). */
  fileName: string;
  path: string;
  sha256: string;
  size: number;
}

/** Streams `stream` to a new temporary file under `dir`, hashing it on the way; a failed write leaves no file. */
async function spool(stream: NodeJS.ReadableStream, dir: string, fileName: string): Promise<SavedUpload> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `upload-${randomBytes(12).toString('hex')}.part`);
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
    await pipeline(stream, tap, createWriteStream(file));
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
  return { fileName, path: file, sha256: hash.digest('hex'), size };
}

export const discardUploads = (files: readonly { path: string }[]) => Promise.all(files.map((f) => rm(f.path, { force: true })));

/**
 * Streams the multipart field `field` to a temporary file under `dir`, hashing it on the way,
 * so a large upload never sits in memory. The caller owns (and removes) the file.
 * Over the multipart size limit the plugin throws its 413 error.
 */
export async function saveUpload(req: FastifyRequest, dir: string, field = 'file'): Promise<SavedUpload> {
  if (!req.isMultipart()) throw invalid(`请以 multipart/form-data 方式上传文件（字段名 ${field}）`);
  const part = await req.file();
  if (!part || part.fieldname !== field) {
    part?.file.resume();
    throw invalid(`请选择要上传的文件（字段名 ${field}）`);
  }
  const saved = await spool(part.file, dir, part.filename || 'upload.xlsx');
  // In stream mode the plugin only marks the stream truncated at its size limit; refuse it here.
  if (part.file.truncated) {
    await rm(saved.path, { force: true });
    throw new AppError(413, 'too_large', '上传文件过大，请拆分后分批上传');
  }
  if (saved.size === 0) {
    await rm(saved.path, { force: true });
    throw invalid('上传的文件是空的');
  }
  return saved;
}

/** A form of text fields and files (all under the one field name `files`), as a tip or a check record sends it. */
export interface MultipartForm {
  fields: Record<string, string>;
  files: SavedUpload[];
}

export interface MultipartFormRule {
  maxFiles: number;
  maxBytes: number;
  /** What the files are, in Chinese, for the messages ("举报附件", "证据材料"). */
  what: string;
}

/**
 * Reads a multipart form: fields as text, every part named `files` spooled under `dir` (checked for count, size and
 * emptiness as it arrives). Any failure removes what was spooled; on success the caller owns the files. A plain JSON
 * body is accepted as fields only.
 */
export async function readMultipartForm(req: FastifyRequest, dir: string, rule: MultipartFormRule): Promise<MultipartForm> {
  if (!req.isMultipart()) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    return { fields: Object.fromEntries(Object.entries(body).filter(([, v]) => v != null).map(([k, v]) => [k, String(v)])), files: [] };
  }
  const tooMany = () => invalid(`${rule.what}最多 ${rule.maxFiles} 个`, [{ path: 'files', message: `${rule.what}最多 ${rule.maxFiles} 个` }]);
  const tooLarge = () => new AppError(413, 'too_large', `每个${rule.what}不能超过 ${rule.maxBytes / 1024 / 1024}MB`);
  const form: MultipartForm = { fields: {}, files: [] };
  try {
    for await (const part of req.parts({ limits: { files: rule.maxFiles + 1, fileSize: rule.maxBytes, fieldSize: 64 * 1024, fields: 30 } })) {
      if (part.type === 'field') {
        form.fields[part.fieldname] = String(part.value ?? '');
        continue;
      }
      if (part.fieldname !== 'files' || form.files.length >= rule.maxFiles) {
        part.file.resume();
        if (part.fieldname === 'files') throw tooMany();
        continue;
      }
      const saved = await spool(part.file, dir, part.filename || 'file');
      form.files.push(saved);
      if (part.file.truncated) throw tooLarge();
      if (saved.size === 0) throw invalid(`上传的${rule.what}是空的`, [{ path: 'files', message: `${rule.what}是空的` }]);
    }
  } catch (err) {
    await discardUploads(form.files);
    const code = (err as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw tooMany();
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
  return form;
}
