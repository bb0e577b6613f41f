import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readPhotoFacts } from './exif.ts';
import { assertDecodableImage, reencodeImage, THUMB_SIZE } from './images.ts';

/** A 40 × 20 phone photo stored sideways (EXIF orientation 6), left half red, right half blue, with time and GPS. */
async function phonePhoto(): Promise<Buffer> {
  const left = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#ff0000' } }).png().toBuffer();
  return sharp({ create: { width: 40, height: 20, channels: 3, background: '#0000ff' } })
    .composite([{ input: left, left: 0, top: 0 }])
    .jpeg({ quality: 95 })
    .withExif({
      IFD2: { DateTimeOriginal: '2026:03:15 10:20:30', OffsetTimeOriginal: '+08:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '34/1 45/1 3600/100', GPSLongitudeRef: 'E', GPSLongitude: '113/1 37/1 3000/100' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

describe('images: served only as re-encoded copies', () => {
  it('reads capture time and GPS from an original written by libvips (the one EXIF reader, exif.ts)', async () => {
    const facts = readPhotoFacts(await phonePhoto());
    expect(facts.takenAt).toBe('2026-03-15T10:20:30');
    expect(facts.gps?.lat).toBeCloseTo(34.76, 6);
    expect(facts.gps?.lng).toBeCloseTo(113.625, 6);
    const plain = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#888' } }).jpeg().toBuffer();
    expect(readPhotoFacts(plain)).toEqual({ takenAt: null, gps: null });
    expect(readPhotoFacts(Buffer.from('not an image'))).toEqual({ takenAt: null, gps: null });
  });

  it('turns an orientation-6 photo upright and drops its metadata', async () => {
    const out = await reencodeImage(await phonePhoto(), 'image/jpeg');
    const m = await sharp(out).metadata();
    expect([m.width, m.height, m.format]).toEqual([20, 40, 'jpeg']);
    expect(m.exif).toBeUndefined();
    expect(m.orientation).toBeUndefined();
    // Rotated 90° clockwise: the red left half is now on top.
    const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    expect(px(10, 5)[0]).toBeGreaterThan(200);
    expect(px(10, 35)[2]).toBeGreaterThan(200);
  });

  it('makes a real thumbnail', async () => {
    const big = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#456' } }).jpeg().toBuffer();
    const m = await sharp(await reencodeImage(big, 'image/jpeg', 'thumb')).metadata();
    expect([m.width, m.height]).toEqual([THUMB_SIZE, 240]);
  });

  it('drops HTML carried after the image or in a comment (a JPEG+HTML polyglot)', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#777' } }).jpeg().toBuffer();
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, html.length + 2]), html]);
    const polyglot = Buffer.concat([jpeg.subarray(0, 2), comment, jpeg.subarray(2), html]);
    await assertDecodableImage(polyglot);
    const out = await reencodeImage(polyglot, 'image/jpeg');
    for (const s of ['<html', '<script']) expect(out.includes(Buffer.from(s))).toBe(false);
  });

  it('refuses bytes that only look like an image', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 photo'), Buffer.from([0xff, 0xd9])]);
    await expect(assertDecodableImage(fake)).rejects.toMatchObject({ statusCode: 422, message: expect.stringContaining('图片无法解码') });
  });
});
