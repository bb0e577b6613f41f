import { inflateSync } from 'node:zlib';

/**
 * Finds active content in a PDF (issue 9): scripts, launch actions, embedded files, automatic actions, rich media
 * and XFA forms. A signed scan or a photo PDF needs none of them, and a viewer may run them. Names are compared
 * after `#xx` escapes are decoded (`/J#61vaScript` is `/JavaScript`), and compressed streams (object streams
 * hide dictionaries there) are inflated and scanned too, within a budget.
 */

const ACTIVE: Record<string, string> = {
  JavaScript: 'JavaScript 脚本',
  JS: 'JavaScript 脚本',
  Launch: '启动外部程序的动作（/Launch）',
  EmbeddedFile: '嵌入的文件',
  EmbeddedFiles: '嵌入的文件',
  AA: '自动触发的动作（/AA）',
  RichMedia: '富媒体内容（/RichMedia）',
  XFA: 'XFA 动态表单',
};

/** Inflated bytes scanned per file; a PDF needing more (or with a stream that does not inflate) cannot be checked and is refused. */
const INFLATE_BUDGET = 64 * 1024 * 1024;

export class PdfTooComplexError extends Error {}

// A name: slash, then regular characters (PDF 32000-1 §7.3.5); delimiters and white space end it.
const NAME_RE = /\/([^\s/<>[\]()%{}]+)/g;

function activeNames(text: string, found: Set<string>): void {
  for (const m of text.matchAll(NAME_RE)) {
    const raw = m[1]!;
    const name = raw.includes('#') ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))) : raw;
    const why = ACTIVE[name];
    if (why) found.add(why);
  }
}

/** Streams' data, with the dictionary before each; images are skipped (pixels carry no actions). */
function* streams(pdf: Buffer): Generator<{ dict: string; data: Buffer }> {
  let from = 0;
  for (;;) {
    const s = pdf.indexOf('stream', from, 'latin1');
    if (s < 0) return;
    let start = s + 6;
    if (pdf[start] === 0x0d) start++;
    if (pdf[start] === 0x0a) start++;
    const end = pdf.indexOf('endstream', start, 'latin1');
    if (end < 0) return;
    const dictStart = pdf.lastIndexOf('<<', s, 'latin1');
    const dict = dictStart >= 0 && s - dictStart < 4096 ? pdf.toString('latin1', dictStart, s) : '';
    // "endstream" itself contains "stream": skip past it.
    from = end + 9;
    if (s >= 3 && pdf.toString('latin1', s - 3, s) === 'end') continue;
    yield { dict, data: pdf.subarray(start, end) };
  }
}

/** The reasons (Chinese) a PDF is refused; empty when it carries nothing active. */
export function findPdfActiveContent(pdf: Buffer): string[] {
  const found = new Set<string>();
  activeNames(pdf.toString('latin1'), found);
  let budget = INFLATE_BUDGET;
  for (const { dict, data } of streams(pdf)) {
    if (!/\/FlateDecode/.test(dict) || /\/Subtype\s*\/Image/.test(dict)) continue;
    let inflated: Buffer;
    try {
      inflated = inflateSync(data, { maxOutputLength: budget + 1, finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a cut stream */ });
    } catch (err) {
      // A viewer may still use what inflates before the damage, so a stream we cannot read is not waved through.
      throw new PdfTooComplexError((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'inflate budget' : 'damaged stream');
    }
    budget -= inflated.length;
    if (budget < 0) throw new PdfTooComplexError('inflate budget');
    activeNames(inflated.toString('latin1'), found);
  }
  return [...found];
}
