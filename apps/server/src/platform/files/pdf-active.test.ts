import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findPdfActiveContent, PdfTooComplexError } from './pdf-active.ts';

const pdf = (...objects: string[]) => Buffer.from(`%PDF-1.7\n${objects.join('\n')}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
const streamObj = (n: number, dict: string, data: Buffer) =>
  Buffer.concat([Buffer.from(`${n} 0 obj << ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n', 'latin1')]);

describe('findPdfActiveContent', () => {
  it('passes a plain scan', () => {
    const page = streamObj(4, '/Filter /FlateDecode', deflateSync(Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q')));
    const image = streamObj(5, '/Type /XObject /Subtype /Image /Filter /FlateDecode', Buffer.from('not even deflate'));
    const doc = Buffer.concat([pdf('1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >> endobj'), page, image]);
    expect(findPdfActiveContent(doc)).toEqual([]);
  });

  it('names scripts, launch actions, embedded files, automatic actions, rich media and XFA', () => {
    expect(findPdfActiveContent(pdf('1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj'))).toEqual(['JavaScript 脚本']);
    expect(findPdfActiveContent(pdf('1 0 obj << /S /Launch /F (cmd.exe) >> endobj'))).toEqual(['启动外部程序的动作（/Launch）']);
    expect(findPdfActiveContent(pdf('1 0 obj << /Names << /EmbeddedFiles 5 0 R >> >> endobj'))).toEqual(['嵌入的文件']);
    expect(findPdfActiveContent(pdf('3 0 obj << /Type /Page /AA << /O 6 0 R >> >> endobj'))).toEqual(['自动触发的动作（/AA）']);
    expect(findPdfActiveContent(pdf('7 0 obj << /Subtype /RichMedia >> endobj'))).toEqual(['富媒体内容（/RichMedia）']);
    expect(findPdfActiveContent(pdf('1 0 obj << /AcroForm << /XFA 9 0 R >> >> endobj'))).toEqual(['XFA 动态表单']);
  });

  it('sees through #xx escapes in names and inside compressed object streams', () => {
    expect(findPdfActiveContent(pdf('1 0 obj << /S /J#61vaScript /J#53 (x) >> endobj'))).toEqual(['JavaScript 脚本']);
    const hidden = deflateSync(Buffer.from('9 0 << /S /JavaScript /JS (app.launchURL("x")) >>'));
    expect(findPdfActiveContent(Buffer.concat([pdf(''), streamObj(8, '/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', hidden)]))).toEqual(['JavaScript 脚本']);
  });

  it('does not take longer names for active ones', () => {
    expect(findPdfActiveContent(pdf('1 0 obj << /JSON 1 /AAB 2 /Launcher 3 >> endobj'))).toEqual([]);
  });

  it('refuses what it cannot inflate rather than waving it through', () => {
    const doc = Buffer.concat([pdf(''), streamObj(8, '/Filter /FlateDecode', Buffer.from('garbage that is not deflate'))]);
    expect(() => findPdfActiveContent(doc)).toThrow(PdfTooComplexError);
  });
});
