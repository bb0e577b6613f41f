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
    await pipeline(part.file, tap, createWriteStream(file));
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
  // In stream mode the plugin only marks the stream truncated at its size limit; refuse it here.
  if (part.file.truncated) {
    await rm(file, { force: true });
    throw new AppError(413, 'too_large', '上传文件过大，请拆分后分批上传');
  }
  if (size === 0) {
    await rm(file, { force: true });
    throw invalid('上传的文件是空的');
  }
  return { fileName: part.filename || 'upload.xlsx', path: file, sha256: hash.digest('hex'), size };
}
