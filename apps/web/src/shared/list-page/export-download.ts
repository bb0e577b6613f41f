import { type Query, send } from '../api.ts';

export interface ExportProgress {
  /** Bytes received so far. */
  bytes: number;
  /** Rows the filters match (the list's total), for the estimate; null when unknown. */
  rows: number | null;
}

/** Compressed xlsx is about this many bytes per row of a list (measured on the demo lists); only for the bar. */
const BYTES_PER_ROW_ESTIMATE = 120;

/** A percentage for the progress bar: bytes against the estimate, never 100 before the file is complete. */
export function exportPercent(p: ExportProgress): number {
  if (!p.rows) return 0;
  return Math.min(99, Math.floor((p.bytes / (p.rows * BYTES_PER_ROW_ESTIMATE)) * 100));
}

function fileNameFrom(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  return star ? decodeURIComponent(star[1]!) : fallback;
}

/**
 * Downloads an export, reading the streamed response chunk by chunk so the page can show progress on large
 * sets; errors (a filter out of scope) arrive as ApiError with the server's Chinese message.
 */
export async function downloadWithProgress(path: string, query: Query, fallbackName: string, onProgress: (bytes: number) => void): Promise<string> {
  const res = await send('GET', path, { query });
  const name = fileNameFrom(res, fallbackName);
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = res.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.byteLength;
      onProgress(bytes);
    }
  }
  const blob = reader ? new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? '' }) : await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
