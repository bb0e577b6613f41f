import { randomBytes } from 'node:crypto';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import type { TestApp } from './support/test-app.ts';

/** A multipart body: text fields, then files in the field `files` (as the public form sends them). */
export function tipForm(fields: Record<string, string>, files: { name: string; bytes: Buffer }[] = []) {
  const boundary = `----taotai${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A one-page PDF whose Info dictionary and XMP stream carry `needle`, written as literal strings so the bytes show it. */
export async function pdfWithMetadata(needle: string): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([200, 200]);
  const info = doc.context.obj({ Author: PDFString.of(`${needle}-author`), Creator: PDFString.of(`${needle}-creator`) });
  doc.context.trailerInfo.Info = doc.context.register(info);
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><dc:creator>${needle}-xmp</dc:creator></rdf:RDF></x:xmpmeta>`;
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' })));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** 巩义市米河镇 (a township of the 省直管县 巩义). */
export const MIHE = '410181100';
export const ANON_TIP = { regionCode: MIHE, matter: 'resumed_production', enterpriseName: '巩义市某建材厂', content: '该厂已封存的立窑最近夜间又在生产，烟囱冒烟。' };

export const postTip = (t: TestApp, fields: Record<string, string>, files: { name: string; bytes: Buffer }[] = [], headers: Record<string, string> = {}, remoteAddress?: string) => {
  const form = tipForm(fields, files);
  return t.request({ method: 'POST', url: '/api/v1/public/tips', payload: form.payload, headers: { ...form.headers, ...headers }, ...(remoteAddress ? { remoteAddress } : {}) });
};
export const lookup = (t: TestApp, code: unknown, headers: Record<string, string> = {}, remoteAddress?: string) =>
  t.request({ method: 'POST', url: '/api/v1/public/tips/lookup', payload: { code }, headers, ...(remoteAddress ? { remoteAddress } : {}) });
export const postMessage = (t: TestApp, code: string, body: string, headers: Record<string, string> = {}, remoteAddress?: string) =>
  t.request({ method: 'POST', url: '/api/v1/public/tips/messages', payload: { code, body }, headers, ...(remoteAddress ? { remoteAddress } : {}) });
