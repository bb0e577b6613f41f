/**
 * A tiny EXIF reader for the two facts an evidence photo carries about itself: when it was taken and where
 * (issue 9; stored and shown by the honest-records issue). It reads the TIFF structure sharp hands back as
 * `metadata().exif` ("Exif\0\0" + TIFF header + IFDs), bounded: every offset is checked against the buffer.
 */

export interface PhotoFacts {
  /** DateTimeOriginal as `YYYY-MM-DDTHH:MM:SS`, with the offset (`+08:00`) when the camera recorded one. */
  takenAt: string | null;
  /** WGS-84 degrees, south and west negative. */
  gps: { lat: number; lon: number } | null;
}

const NONE: PhotoFacts = { takenAt: null, gps: null };

interface Tiff {
  buf: Buffer;
  le: boolean;
}

const u16 = (t: Tiff, o: number) => (t.le ? t.buf.readUInt16LE(o) : t.buf.readUInt16BE(o));
const u32 = (t: Tiff, o: number) => (t.le ? t.buf.readUInt32LE(o) : t.buf.readUInt32BE(o));
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };

interface Field {
  type: number;
  count: number;
  /** Offset of the value (inline in the entry when it fits in 4 bytes). */
  at: number;
}

/** The entries of the IFD at `offset`, by tag; empty when the IFD lies outside the buffer. */
function readIfd(t: Tiff, offset: number): Map<number, Field> {
  const out = new Map<number, Field>();
  if (offset < 8 || offset + 2 > t.buf.length) return out;
  const n = u16(t, offset);
  for (let i = 0; i < n && i < 1000; i++) {
    const e = offset + 2 + i * 12;
    if (e + 12 > t.buf.length) break;
    const type = u16(t, e + 2);
    const count = u32(t, e + 4);
    const size = (TYPE_SIZE[type] ?? 0) * count;
    const at = size <= 4 ? e + 8 : u32(t, e + 8);
    if (size === 0 || at + size > t.buf.length) continue;
    out.set(u16(t, e), { type, count, at });
  }
  return out;
}

const ascii = (t: Tiff, f: Field | undefined) =>
  f && f.type === 2 ? t.buf.toString('latin1', f.at, f.at + f.count).replace(/\0.*$/s, '').trim() : null;

function degrees(t: Tiff, f: Field | undefined): number | null {
  if (f?.type !== 5 || f.count < 3) return null;
  const r = (i: number) => {
    const den = u32(t, f.at + i * 8 + 4);
    return den === 0 ? Number.NaN : u32(t, f.at + i * 8) / den;
  };
  const v = r(0) + r(1) / 60 + r(2) / 3600;
  return Number.isFinite(v) ? v : null;
}

/** Reads capture time and position from raw EXIF; anything unreadable is simply absent. */
export function parseExif(exif: Buffer | undefined): PhotoFacts {
  if (!exif || exif.length < 14) return NONE;
  const buf = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  const order = buf.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return NONE;
  const t: Tiff = { buf, le: order === 'II' };
  if (u16(t, 2) !== 42) return NONE;
  const ifd0 = readIfd(t, u32(t, 4));
  const pointer = (tag: number) => {
    const f = ifd0.get(tag);
    return f && (f.type === 4 || f.type === 13) ? u32(t, f.at) : 0;
  };
  const exifIfd = readIfd(t, pointer(0x8769));
  const when = ascii(t, exifIfd.get(0x9003)) ?? ascii(t, ifd0.get(0x0132));
  const m = when ? /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(when) : null;
  const offset = ascii(t, exifIfd.get(0x9011));
  const takenAt = m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : ''}` : null;

  const gpsIfd = readIfd(t, pointer(0x8825));
  const lat = degrees(t, gpsIfd.get(2));
  const lon = degrees(t, gpsIfd.get(4));
  const gps =
    lat !== null && lon !== null && lat <= 90 && lon <= 180
      ? { lat: ascii(t, gpsIfd.get(1)) === 'S' ? -lat : lat, lon: ascii(t, gpsIfd.get(3)) === 'W' ? -lon : lon }
      : null;
  return { takenAt, gps };
}
