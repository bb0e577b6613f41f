import sharp from 'sharp';
import { AppError } from '../errors.ts';
import type { SniffedMime } from './sniff.ts';

/**
 * Images are never served as uploaded (issue 9, ADR 0010): a JPEG with HTML after its end marker or in a comment
 * is still a valid JPEG, and a browser sniffing it may run the HTML. What is served is a copy decoded and encoded
 * again by libvips (sharp): EXIF orientation applied (phone photos show upright), all metadata dropped (GPS above
 * all), only pixels kept. The original stays in the store unchanged, under its hash, as evidence.
 */

/** A 30,000 × 30,000 decompression bomb must not be decoded (about 100 megapixels is a generous camera). */
const MAX_PIXELS = 100_000_000;
export const THUMB_SIZE = 320;
export type ImageVariant = 'full' | 'thumb';

const open = (bytes: Buffer) => sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error', sequentialRead: true });

const unreadable = () => new AppError(422, 'unreadable_image', '图片无法解码（文件已损坏或不是有效的 JPEG/PNG 图片），请重新拍摄或导出后上传');

/** Checks at upload that the image decodes, so what is stored can always be served. */
export async function assertDecodableImage(bytes: Buffer): Promise<void> {
  try {
    const m = await open(bytes).metadata();
    if (!m.width || !m.height) throw new Error('no size');
    // metadata() reads only the header; a damaged body shows when the pixels are decoded.
    await open(bytes).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable();
  }
}

/** The copy that is served: upright, without metadata, re-encoded in the same format; `thumb` fits 320 px. */
export async function reencodeImage(bytes: Buffer, mime: SniffedMime, variant: ImageVariant = 'full'): Promise<Buffer> {
  try {
    let img = open(bytes).rotate();
    if (variant === 'thumb') img = img.resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true });
    return mime === 'image/png' ? await img.png({ compressionLevel: 8 }).toBuffer() : await img.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
  } catch {
    throw unreadable();
  }
}
