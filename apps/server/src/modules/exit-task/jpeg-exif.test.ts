import { describe, expect, it } from 'vitest';
import { stripJpegApp1 } from './jpeg-exif.ts';

const seg = (marker: number, body: number[] | Buffer) => {
  const b = Buffer.from(body);
  return Buffer.concat([Buffer.from([0xff, marker, (b.length + 2) >> 8, (b.length + 2) & 0xff]), b]);
};
const SOI = Buffer.from([0xff, 0xd8]);
const APP0 = seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'));
const EXIF = seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0MM\0*'), Buffer.from('GPS 34.7466N 113.6253E')]));
const XMP = seg(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta exif:GPSLatitude="34,44.8N"/>'));
const DQT = seg(0xdb, [0, ...Array.from({ length: 64 }, (_, i) => i + 1)]);
// Scan data deliberately contains bytes that look like an APP1 marker: they must survive.
const SCAN = Buffer.concat([seg(0xda, [1, 1, 0, 0, 63, 0]), Buffer.from([0x12, 0xff, 0x00, 0xff, 0xe1, 0x00, 0x04, 0x34, 0xff, 0xd9])]);

describe('stripJpegApp1', () => {
  it('drops every APP1 (EXIF and XMP, where GPS lives) and keeps all other segments and the scan byte for byte', () => {
    const jpeg = Buffer.concat([SOI, APP0, EXIF, DQT, XMP, SCAN]);
    const out = stripJpegApp1(jpeg)!;
    expect(out.equals(Buffer.concat([SOI, APP0, DQT, SCAN]))).toBe(true);
    expect(out.includes(Buffer.from('GPS'))).toBe(false);
  });
  it('leaves a JPEG without APP1 unchanged, and tolerates fill bytes before a marker', () => {
    const plain = Buffer.concat([SOI, APP0, DQT, SCAN]);
    expect(stripJpegApp1(plain)!.equals(plain)).toBe(true);
    const filled = Buffer.concat([SOI, Buffer.from([0xff]), EXIF, SCAN]);
    expect(stripJpegApp1(filled)!.equals(Buffer.concat([SOI, SCAN]))).toBe(true);
  });
  it('refuses what is not a well-formed JPEG rather than guessing', () => {
    expect(stripJpegApp1(Buffer.from('%PDF-1.4'))).toBeNull();
    expect(stripJpegApp1(Buffer.concat([SOI, Buffer.from([0xff, 0xe1, 0x40, 0x00, 0x01])]))).toBeNull();
    expect(stripJpegApp1(Buffer.concat([SOI, Buffer.from([0x00, 0x01])]))).toBeNull();
  });
});
