import { describe, expect, it } from 'vitest';
import { mimeOfName, sniffMime } from './sniff.ts';

const bytes = (...xs: number[]) => Uint8Array.from(xs);

describe('sniffMime', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(sniffMime(Buffer.from('%PDF-1.7\n%âãÏÓ'))).toBe('application/pdf');
    expect(sniffMime(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toBe('image/png');
    expect(sniffMime(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16))).toBe('image/jpeg');
  });
  it('refuses anything else, including near misses and short heads', () => {
    expect(sniffMime(Buffer.from('PDF-1.7'))).toBeNull();
    expect(sniffMime(Buffer.from('%PDF'))).toBeNull();
    expect(sniffMime(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBeNull();
    expect(sniffMime(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffMime(Buffer.from('PK\x03\x04 a zip or docx'))).toBeNull();
    expect(sniffMime(new Uint8Array())).toBeNull();
  });
});

describe('mimeOfName', () => {
  it('reads the claimed kind from the extension, case-insensitively', () => {
    expect(mimeOfName('责任书.PDF')).toBe('application/pdf');
    expect(mimeOfName('scan.jpeg')).toBe('image/jpeg');
    expect(mimeOfName('scan.JPG')).toBe('image/jpeg');
    expect(mimeOfName('a.png')).toBe('image/png');
    expect(mimeOfName('notes.docx')).toBeNull();
    expect(mimeOfName('no-extension')).toBeNull();
  });
});
