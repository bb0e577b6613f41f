import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { SavedUpload } from '../../platform/documents/upload.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { checkUpload, extensionOf, reencodeImage, type SniffedMime, stripPdfMetadata, type UploadRule, uploadSpoolDir } from '../../platform/files/index.ts';

/** Issue 13: photos and PDFs, at most five, each at most 10 MB, judged by content. */
export const TIP_FILE_RULE: UploadRule = { accept: ['image/jpeg', 'image/png', 'application/pdf'], maxBytes: 10 * 1024 * 1024, what: '举报附件' };
export const TIP_MAX_FILES = 5;

/** A checked attachment whose stripped copy waits in the spool (the original is already gone). */
export interface StrippedUpload extends SavedUpload {
  mime: SniffedMime;
}

/** A multipart tip form: its text fields and its spooled files. The caller must call `discard` when done (or on error). */
export interface TipForm {
  fields: Record<string, string>;
  files: SavedUpload[];
}

const tooMany = () => {
  const message = `附件最多 ${TIP_MAX_FILES} 个`;
  return invalid(message, [{ path: 'files', message }]);
};
const tooLarge = () => new AppError(413, 'too_large', `每个附件不能超过 ${TIP_FILE_RULE.maxBytes / 1024 / 1024}MB`);

async function spool(stream: NodeJS.ReadableStream, dir: string): Promise<{ path: string; sha256: string; size: number }> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `tip-${randomBytes(12).toString('hex')}.part`);
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
  return { path: file, sha256: hash.digest('hex'), size };
}

export const discardUploads = (files: readonly { path: string }[]) => Promise.all(files.map((f) => rm(f.path, { force: true })));

/**
 * Reads a multipart tip form: fields as text, files (field `files`) spooled under DATA_DIR/files/tmp. Any failure
 * removes what was spooled. A plain JSON body is accepted as fields only (messages without attachments).
 */
export async function readTipForm(req: FastifyRequest, dataDir: string): Promise<TipForm> {
  if (!req.isMultipart()) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    return { fields: Object.fromEntries(Object.entries(body).filter(([, v]) => v != null).map(([k, v]) => [k, String(v)])), files: [] };
  }
  const fields: Record<string, string> = {};
  const files: SavedUpload[] = [];
  try {
    const parts = req.parts({ limits: { files: TIP_MAX_FILES + 1, fileSize: TIP_FILE_RULE.maxBytes, fieldSize: 64 * 1024, fields: 30 } });
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value ?? '');
        continue;
      }
      if (part.fieldname !== 'files' || files.length >= TIP_MAX_FILES) {
        part.file.resume();
        if (part.fieldname === 'files') throw tooMany();
        continue;
      }
      const saved = await spool(part.file, uploadSpoolDir(dataDir));
      files.push({ ...saved, fileName: part.filename || 'file' });
      if (part.file.truncated) throw tooLarge();
      if (saved.size === 0) throw invalid('上传的附件是空的', [{ path: 'files', message: '附件是空的' }]);
    }
  } catch (err) {
    await discardUploads(files);
    const code = (err as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw tooMany();
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
  return { fields, files };
}

/**
 * Checks each spooled file by content (platform/files: kind, size, active content, decodability) and replaces it by a
 * copy without metadata: images re-encoded by libvips (EXIF, GPS, comments dropped), PDFs rewritten without Info,
 * XMP and ID. The original spool file is removed here, so the original bytes never reach the store (ADR 0025).
 * Names are replaced by 举报附件N.ext: a file name says who made it as often as its metadata does.
 */
export async function stripTipFiles(files: readonly SavedUpload[], dataDir: string, firstNumber = 1): Promise<StrippedUpload[]> {
  const out: StrippedUpload[] = [];
  try {
    for (const [i, f] of files.entries()) {
      const mime = await checkUpload(f, TIP_FILE_RULE);
      const name = `举报附件${firstNumber + i}.${extensionOf(mime)}`;
      const bytes = await readFile(f.path);
      const clean = mime === 'application/pdf' ? await stripPdfMetadata(bytes, name) : await reencodeImage(bytes, mime);
      const file = path.join(uploadSpoolDir(dataDir), `tip-${randomBytes(12).toString('hex')}.clean`);
      await writeFile(file, clean, { mode: 0o600 });
      out.push({ fileName: name, path: file, sha256: createHash('sha256').update(clean).digest('hex'), size: clean.length, mime });
      await rm(f.path, { force: true });
    }
  } catch (err) {
    await discardUploads([...files, ...out]);
    throw err;
  }
  return out;
}
