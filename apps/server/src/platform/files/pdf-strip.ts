import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRef, PDFStream } from 'pdf-lib';
import { invalid } from '../errors.ts';

/**
 * A PDF rewritten without what identifies its maker (issue 13 "all metadata stripped from what is stored", ADR 0025):
 * no Info dictionary (title, author, subject, keywords, creator, producer, dates), no XMP metadata streams (the
 * catalog's and any page's or image's /Metadata), no document /ID, and none of the objects the pages do not reach
 * (earlier revisions of an incrementally saved file keep old metadata in objects nothing points to any more).
 * The pages themselves are kept as they are.
 */
export async function stripPdfMetadata(bytes: Uint8Array, fileLabel: string): Promise<Buffer> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
    if (doc.getPageCount() === 0) throw new Error('no pages');
  } catch {
    const message = `PDF文件“${fileLabel}”无法读取（已损坏或已加密），请重新扫描或“打印为PDF”后上传`;
    throw invalid(message, [{ path: 'files', message }]);
  }
  const ctx = doc.context;
  ctx.trailerInfo.Info = undefined;
  ctx.trailerInfo.ID = undefined;
  ctx.trailerInfo.Encrypt = undefined;
  const metadata = PDFName.of('Metadata');
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : null;
    dict?.delete(metadata);
    dict?.delete(PDFName.of('PieceInfo'));
  }
  // Keep only what the catalog reaches.
  const keep = new Set<string>();
  const stack: PDFObject[] = [ctx.trailerInfo.Root as PDFObject];
  while (stack.length) {
    const o = stack.pop()!;
    if (o instanceof PDFRef) {
      if (keep.has(o.tag)) continue;
      keep.add(o.tag);
      const target = ctx.lookup(o);
      if (target) stack.push(target);
    } else if (o instanceof PDFDict) for (const [, v] of o.entries()) stack.push(v);
    else if (o instanceof PDFArray) stack.push(...o.asArray());
    else if (o instanceof PDFStream) stack.push(o.dict);
  }
  for (const [ref] of ctx.enumerateIndirectObjects()) if (!keep.has(ref.tag)) ctx.delete(ref);
  return Buffer.from(await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }));
}
