import { createHash, randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { discardUploads, type MultipartForm, readMultipartForm, type SavedUpload } from '../../platform/documents/upload.ts';

import { checkUpload, extensionOf, reencodeImage, type SniffedMime, stripPdfMetadata, type UploadRule, uploadSpoolDir } from '../../platform/files/index.ts';

export { discardUploads };

/** Issue 13: photos and PDFs, at most five, each at most 10 MB, judged by content. */
export const TIP_FILE_RULE: UploadRule = { accept: ['image/jpeg', 'image/png', 'application/pdf'], maxBytes: 10 * 1024 * 1024, what: '举报附件' };
export const TIP_MAX_FILES = 5;

/** A checked attachment whose stripped copy waits in the spool (the original is already gone). */
export interface StrippedUpload extends SavedUpload {
  mime: SniffedMime;
}

/** A multipart tip form: its text fields and its spooled files. The caller must call `discardUploads` when done (or on error). */
export type TipForm = MultipartForm;

/** Reads a multipart tip form (field `files`: at most five, 10 MB each), spooled under DATA_DIR/files/tmp. */
export const readTipForm = (req: FastifyRequest, dataDir: string): Promise<TipForm> =>
  readMultipartForm(req, uploadSpoolDir(dataDir), { maxFiles: TIP_MAX_FILES, maxBytes: TIP_FILE_RULE.maxBytes, what: '举报附件' });

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
