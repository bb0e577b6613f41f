import { JPEG } from './exit-task-fixtures.ts';

/**
 * JPEGs with an EXIF APP1 segment as cameras write it (TIFF header, IFD0 → Exif IFD with
 * DateTimeOriginal, GPS IFD with N/E references and degree/minute/second rationals).
 * `tag` makes the bytes (and so the SHA-256) differ between otherwise equal photos.
 */
export function exifJpeg(opts: { takenAt?: string; gps?: { lat: number; lng: number }; tag?: string; littleEndian?: boolean } = {}): Buffer {
  const le = opts.littleEndian ?? false;
  const u16 = (v: number) => {
    const b = Buffer.alloc(2);
    le ? b.writeUInt16LE(v) : b.writeUInt16BE(v);
    return b;
  };
  const u32 = (v: number) => {
    const b = Buffer.alloc(4);
    le ? b.writeUInt32LE(v) : b.writeUInt32BE(v);
    return b;
  };
  type E = { tag: number; type: number; count: number; data: Buffer };
  // Lays out an IFD at `base`: entries, next-IFD 0, then out-of-line values.
  const ifd = (base: number, entries: E[]) => {
    const head: Buffer[] = [u16(entries.length)];
    const tail: Buffer[] = [];
    let extra = base + 2 + entries.length * 12 + 4;
    for (const e of entries) {
      head.push(u16(e.tag), u16(e.type), u32(e.count));
      if (e.data.length <= 4) head.push(Buffer.concat([e.data, Buffer.alloc(4 - e.data.length)]));
      else {
        head.push(u32(extra));
        tail.push(e.data);
        extra += e.data.length;
      }
    }
    return Buffer.concat([...head, u32(0), ...tail]);
  };
  const rational3 = (deg: number) => {
    const d = Math.floor(deg);
    const mFloat = (deg - d) * 60;
    const m = Math.floor(mFloat);
    const s = Math.round((mFloat - m) * 60 * 1000);
    return Buffer.concat([u32(d), u32(1), u32(m), u32(1), u32(s), u32(1000)]);
  };
  const exifEntries: E[] = opts.takenAt
    ? [{ tag: 0x9003, type: 2, count: 20, data: Buffer.from(`${opts.takenAt.replace('T', ' ').replaceAll('-', ':')}\0`, 'latin1') }]
    : [];
  const gpsEntries: E[] = opts.gps
    ? [
        { tag: 1, type: 2, count: 2, data: Buffer.from('N\0') },
        { tag: 2, type: 5, count: 3, data: rational3(opts.gps.lat) },
        { tag: 3, type: 2, count: 2, data: Buffer.from('E\0') },
        { tag: 4, type: 5, count: 3, data: rational3(opts.gps.lng) },
      ]
    : [];
  // IFD0 holds two pointers; its size is fixed, so the sub-IFDs' offsets are known in advance.
  const ifd0Size = 2 + 2 * 12 + 4;
  const exifAt = 8 + ifd0Size;
  const exifIfd = ifd(exifAt, exifEntries);
  const gpsAt = exifAt + exifIfd.length;
  const gpsIfd = ifd(gpsAt, gpsEntries);
  const ifd0 = ifd(8, [
    { tag: 0x8769, type: 4, count: 1, data: u32(exifAt) },
    { tag: 0x8825, type: 4, count: 1, data: u32(gpsAt) },
  ]);
  const tiff = Buffer.concat([Buffer.from(le ? 'II' : 'MM', 'latin1'), u16(42), u32(8), ifd0, exifIfd, gpsIfd]);
  const app1Body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (app1Body.length + 2) >> 8, (app1Body.length + 2) & 0xff]), app1Body]);
  const comment = Buffer.from(`photo ${opts.tag ?? ''}`);
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, (comment.length + 2) >> 8, (comment.length + 2) & 0xff]), comment]);
  // Then a real 8 × 8 image (its own segments after SOI): uploads must decode (ADR 0010).
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, com, JPEG.subarray(2)]);
}
