/** File kinds we accept as documents (signed scans, photos), recognised by their first bytes. */
export type SniffedMime = 'application/pdf' | 'image/png' | 'image/jpeg';

export const MIME_LABELS: Record<SniffedMime, string> = {
  'application/pdf': 'PDF文件',
  'image/png': 'PNG图片',
  'image/jpeg': 'JPEG图片',
};

const EXTENSIONS: Record<SniffedMime, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** What the content is, from its magic bytes: `%PDF-`, the PNG signature, or a JPEG SOI + marker. */
export function sniffMime(head: Uint8Array): SniffedMime | null {
  if (head.length >= 5 && String.fromCharCode(...head.subarray(0, 5)) === '%PDF-') return 'application/pdf';
  if (head.length >= 8 && PNG_SIGNATURE.every((b, i) => head[i] === b)) return 'image/png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  return null;
}

/** The accepted kind a file name's extension claims, or null when it claims none of them. */
export function mimeOfName(name: string): SniffedMime | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (!ext) return null;
  for (const [mime, exts] of Object.entries(EXTENSIONS)) if (exts.includes(ext)) return mime as SniffedMime;
  return null;
}

export const extensionOf = (mime: SniffedMime): string => EXTENSIONS[mime][0]!;
