import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { findPdfActiveContent } from './pdf-active.ts';
import { stripPdfMetadata } from './pdf-strip.ts';

/** A one-page PDF whose Info dictionary and XMP stream carry distinctive needles, saved uncompressed so they show. */
async function pdfWithMetadata(needle: string): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([200, 200]);
  // Literal strings, as most producers write them (pdf-lib's own setters write UTF-16 hex).
  const info = doc.context.obj({ Author: PDFString.of(`${needle}-author`), Title: PDFString.of(`${needle}-title`), Producer: PDFString.of(`${needle}-producer`) });
  doc.context.trailerInfo.Info = doc.context.register(info);
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><dc:creator>${needle}-xmp</dc:creator></rdf:RDF></x:xmpmeta>`;
  const stream = doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

describe('stripPdfMetadata', () => {
  it('drops the Info dictionary, the XMP stream and the document ID, and keeps the pages', async () => {
    const input = await pdfWithMetadata('needle-pdf');
    expect(input.toString('latin1')).toContain('needle-pdf-author');
    expect(input.toString('latin1')).toContain('needle-pdf-xmp');
    const out = await stripPdfMetadata(input, 'a.pdf');
    const text = out.toString('latin1');
    expect(text).not.toContain('needle-pdf');
    expect(text).not.toContain('/Metadata');
    expect(text).not.toMatch(/\/ID\s*\[/);
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(findPdfActiveContent(out)).toEqual([]);
    const back = await PDFDocument.load(out, { updateMetadata: false });
    expect(back.getPageCount()).toBe(1);
    expect(back.getAuthor()).toBeUndefined();
  });

  it('refuses a file that does not parse, in Chinese', async () => {
    await expect(stripPdfMetadata(Buffer.from('%PDF-1.4\n garbage'), '举报附件1.pdf')).rejects.toThrow(/无法读取/);
  });
});
