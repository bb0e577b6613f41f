import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** One page of a PDF as pdftotext reads it: its text, and each word with its position (points from the top left). */
export interface PdfPage {
  number: number;
  width: number;
  height: number;
  text: string;
  words: { text: string; x: number; y: number }[];
}

/**
 * Prints .docx files the way an office would: LibreOffice (Debian's, installed by scripts/ensure-chromium.sh)
 * converts them to PDF in one run, and poppler's pdftotext reads each page back.
 */
export function printDocx(files: Record<string, Buffer>): Record<string, PdfPage[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'taotai-print-'));
  try {
    const docs = Object.entries(files).map(([name, bytes]) => {
      const file = path.join(dir, `${name}.docx`);
      writeFileSync(file, bytes);
      return file;
    });
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docs],
      { stdio: 'ignore', timeout: 180_000 },
    );
    const out: Record<string, PdfPage[]> = {};
    for (const name of Object.keys(files)) out[name] = readPdf(path.join(dir, `${name}.pdf`));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readPdf(file: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const pages: PdfPage[] = [];
  for (const [i, chunk] of html.split('<page ').slice(1).entries()) {
    const dims = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk)!;
    const words = [...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      text: m[3]!.replace(/&amp;/g, '&'),
    }));
    const text = execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' });
    pages.push({ number: i + 1, width: Number(dims[1]), height: Number(dims[2]), text, words });
  }
  return pages;
}
