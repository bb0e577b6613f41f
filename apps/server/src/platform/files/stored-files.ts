import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { StoredFileInfo } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { SavedUpload } from '../documents/upload.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { blobStoreFor } from './blob-store.ts';
import { filesRepository, type StoredFileRow } from './files.repository.ts';
import { assertDecodableImage, type ImageVariant, reencodeImage } from './images.ts';
import { findPdfActiveContent, PdfTooComplexError } from './pdf-active.ts';
import { MIME_LABELS, mimeOfName, type SniffedMime, sniffMime } from './sniff.ts';

/** What a caller accepts: the kinds (by content), a size limit, and the Chinese name of the document. */
export interface UploadRule {
  accept: readonly SniffedMime[];
  maxBytes: number;
  what: string;
}

/** Where uploads are spooled before they are checked; on the same file system as the store, so moving is a rename.
 * (With an S3 store configured the spool stays local and the checked file is copied up.) */
export const uploadSpoolDir = (dataDir: string) => path.join(dataDir, 'files', 'tmp');

async function headOf(file: string): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await fh.read(head, 0, 16, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1);

/**
 * Checks a spooled upload against the rule and returns the kind its content is. The name only has
 * to agree with the content when it claims an accepted kind (a PNG named `.pdf` is refused as mislabelled).
 */
export async function checkUpload(upload: SavedUpload, rule: UploadRule): Promise<SniffedMime> {
  if (upload.size > rule.maxBytes) {
    throw new AppError(413, 'too_large', `${rule.what}不能超过${mb(rule.maxBytes)}MB（所传文件${mb(upload.size)}MB）`);
  }
  const kinds = rule.accept.map((m) => MIME_LABELS[m]).join('、');
  const mime = sniffMime(await headOf(upload.path));
  if (!mime || !rule.accept.includes(mime)) {
    const message = `${rule.what}应为${kinds}；文件“${upload.fileName}”的内容不是其中任何一种（按文件内容判断，与文件名无关）`;
    throw invalid(message, [{ path: 'file', message }]);
  }
  const claimed = mimeOfName(upload.fileName);
  if (claimed && claimed !== mime) {
    const message = `文件“${upload.fileName}”的扩展名表明是${MIME_LABELS[claimed]}，但内容是${MIME_LABELS[mime]}，请确认上传的是正确的文件`;
    throw invalid(message, [{ path: 'file', message }]);
  }
  await checkContent(upload, mime);
  return mime;
}

/** Refuses active content (issue 9): PDFs with scripts, actions or embedded files; images that do not decode. */
async function checkContent(upload: SavedUpload, mime: SniffedMime): Promise<void> {
  const bytes = await readFile(upload.path);
  if (mime !== 'application/pdf') return assertDecodableImage(bytes);
  let reasons: string[];
  try {
    reasons = findPdfActiveContent(bytes);
  } catch (err) {
    if (!(err instanceof PdfTooComplexError)) throw err;
    const message = `PDF文件“${upload.fileName}”含有损坏或过大的压缩数据，无法检查其中是否有可执行内容，不予接收；请重新扫描或“打印为PDF”后上传`;
    throw invalid(message, [{ path: 'file', message }]);
  }
  if (reasons.length > 0) {
    const message = `PDF文件“${upload.fileName}”含有${reasons.join('、')}，打开时可能自动执行，不予接收；请重新扫描或“打印为PDF”后上传`;
    throw invalid(message, [{ path: 'file', message }]);
  }
}

/**
 * Moves a checked upload into the store unchanged and records it. Call it inside the transaction that
 * links the file to its record: if that transaction fails, only an unreferenced blob remains.
 */
export async function storeUpload(
  tx: Db,
  dataDir: string,
  uploadedBy: number | null,
  upload: SavedUpload,
  mime: SniffedMime,
  at: Date,
): Promise<StoredFileRow> {
  await blobStoreFor(dataDir).putFile(upload.sha256, upload.path, mime);
  return filesRepository.insert(tx, {
    sha256: upload.sha256,
    size: upload.size,
    mime,
    originalName: upload.fileName,
    uploadedBy,
    uploadedAt: at,
  });
}

/** The stored file's record and its bytes as they were uploaded (evidence; never sent to a browser as is). */
export async function openOriginalFile(db: Db, dataDir: string, id: number): Promise<{ row: StoredFileRow; stream: Readable }> {
  const row = await filesRepository.byId(db, id);
  if (!row) throw notFound('文件');
  const stream = await blobStoreFor(dataDir).open(row.sha256);
  if (!stream) throw new AppError(410, 'gone', `文件“${row.originalName}”的内容已不在存储中，请联系管理员`);
  return { row, stream };
}

/**
 * What is served for a stored file: a PDF as uploaded (checked for active content when it came in), an image only
 * as a copy decoded and re-encoded (upright, without metadata; `thumb` 320 px) — ADR 0010.
 */
export async function openStoredFile(db: Db, dataDir: string, id: number, variant: ImageVariant = 'full'): Promise<{ row: StoredFileRow; stream: Readable }> {
  const { row, stream } = await openOriginalFile(db, dataDir, id);
  if (row.mime !== 'image/jpeg' && row.mime !== 'image/png') return { row, stream };
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return { row, stream: Readable.from([await reencodeImage(Buffer.concat(chunks), row.mime, variant)]) };
}

export const presentStoredFile = (row: StoredFileRow): StoredFileInfo => ({
  id: row.id,
  fileName: row.originalName,
  size: row.size,
  mime: row.mime,
  sha256: row.sha256,
  uploadedAt: row.uploadedAt.toISOString(),
});

/** `attachment` header with the UTF-8 name, and an ASCII fallback for old clients. */
export const attachmentHeader = (name: string, fallback = 'download') =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
