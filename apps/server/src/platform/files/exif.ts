/**
 * Minimal EXIF reader for evidence photos (issue 10 §3): the capture time (DateTimeOriginal, else
 * DateTime) and the GPS position, read from a JPEG's APP1 segment. Nothing else of EXIF is needed, so
 * no package: the TIFF structure is walked directly. Any malformed structure gives "unknown", never an error.
 */
export interface PhotoFacts {
  /** As the camera wrote it, local time without zone: 'YYYY-MM-DDTHH:MM:SS'. */
  takenAt: string | null;
  gps: { lat: number; lng: number } | null;
}

const NONE: PhotoFacts = { takenAt: null, gps: null };

/** The TIFF block of the first EXIF APP1 segment before the scan, or null. */
function exifTiff(jpeg: Uint8Array): Buffer | null {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  let i = 2;
  while (i + 4 <= jpeg.length) {
    if (jpeg[i] !== 0xff) return null;
    const marker = jpeg[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null;
    const len = (jpeg[i + 2]! << 8) | jpeg[i + 3]!;
    if (len < 2 || i + 2 + len > jpeg.length) return null;
    const body = Buffer.from(jpeg.buffer, jpeg.byteOffset + i + 4, len - 2);
    if (marker === 0xe1 && body.length > 14 && body.toString('latin1', 0, 6) === 'Exif\0\0') return body.subarray(6);
    i += 2 + len;
  }
  return null;
}

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** Offset (within the TIFF block) of the value, inline or pointed to. */
  at: number;
}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };

function readIfd(t: Buffer, le: boolean, offset: number): Map<number, Entry> {
  const out = new Map<number, Entry>();
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o));
  const u32 = (o: number) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o));
  if (offset < 8 || offset + 2 > t.length) return out;
  const n = u16(offset);
  for (let k = 0; k < n; k++) {
    const e = offset + 2 + k * 12;
    if (e + 12 > t.length) break;
    const type = u16(e + 2);
    const count = u32(e + 4);
    const size = (TYPE_SIZE[type] ?? 0) * count;
    const at = size <= 4 ? e + 8 : u32(e + 8);
    if (size === 0 || at + size > t.length) continue;
    out.set(u16(e), { tag: u16(e), type, count, at });
  }
  return out;
}

/** Capture time and GPS of a JPEG; nulls for PNG/PDF, a JPEG without EXIF, or anything unreadable. */
export function readPhotoFacts(jpeg: Uint8Array): PhotoFacts {
  const t = exifTiff(jpeg);
  if (!t || t.length < 8) return NONE;
  const order = t.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return NONE;
  const le = order === 'II';
  const u32 = (o: number) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o));
  const ifd0 = readIfd(t, le, u32(4));
  const pointer = (tag: number) => {
    const e = ifd0.get(tag);
    return e && e.type === 4 ? u32(e.at) : 0;
  };
  const exif = readIfd(t, le, pointer(0x8769));
  const gpsIfd = readIfd(t, le, pointer(0x8825));
  const ascii = (e: Entry | undefined) => (e && e.type === 2 ? t.toString('latin1', e.at, e.at + e.count).replace(/\0.*$/s, '').trim() : '');
  const stamp = ascii(exif.get(0x9003)) || ascii(ifd0.get(0x0132));
  const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(stamp);
  const takenAt = m && m[1] !== '0000' ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` : null;

  const degrees = (e: Entry | undefined): number | null => {
    if (e?.type !== 5 || e.count !== 3) return null;
    let v = 0;
    for (let k = 0; k < 3; k++) {
      const den = u32(e.at + k * 8 + 4);
      if (den === 0) return null;
      v += u32(e.at + k * 8) / den / 60 ** k;
    }
    return v;
  };
  const lat = degrees(gpsIfd.get(0x0002));
  const lng = degrees(gpsIfd.get(0x0004));
  const sign = (ref: string, neg: string) => (ref === neg ? -1 : 1);
  const gps =
    lat !== null && lng !== null && lat <= 90 && lng <= 180
      ? {
          lat: Math.round(sign(ascii(gpsIfd.get(0x0001)), 'S') * lat * 1e6) / 1e6,
          lng: Math.round(sign(ascii(gpsIfd.get(0x0003)), 'W') * lng * 1e6) / 1e6,
        }
      : null;
  return { takenAt, gps };
}
