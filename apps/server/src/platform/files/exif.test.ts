import { describe, expect, it } from 'vitest';
import { exifJpeg } from '../../../test/photo-fixtures.ts';
import { readPhotoFacts } from './exif.ts';

describe('readPhotoFacts', () => {
  it('reads DateTimeOriginal and the GPS position in either byte order', () => {
    for (const littleEndian of [false, true]) {
      const facts = readPhotoFacts(exifJpeg({ takenAt: '2026-05-03T10:20:30', gps: { lat: 34.7466, lng: 113.0253 }, littleEndian }));
      expect(facts.takenAt).toBe('2026-05-03T10:20:30');
      expect(facts.gps!.lat).toBeCloseTo(34.7466, 4);
      expect(facts.gps!.lng).toBeCloseTo(113.0253, 4);
    }
  });

  it('gives nulls for a JPEG without EXIF, a PNG, truncated or garbage bytes', () => {
    expect(readPhotoFacts(exifJpeg({ gps: { lat: 34.5, lng: 113.5 } })).takenAt).toBeNull();
    expect(readPhotoFacts(exifJpeg({ takenAt: '2026-05-03T10:20:30' })).gps).toBeNull();
    const jfif = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 photo'), Buffer.from([0xff, 0xd9])]);
    expect(readPhotoFacts(jfif)).toEqual({ takenAt: null, gps: null });
    expect(readPhotoFacts(Buffer.from('89504e470d0a1a0a', 'hex'))).toEqual({ takenAt: null, gps: null });
    const full = exifJpeg({ takenAt: '2026-05-03T10:20:30', gps: { lat: 34.5, lng: 113.5 } });
    for (let n = 0; n < full.length; n += 7) expect(() => readPhotoFacts(full.subarray(0, n))).not.toThrow();
    expect(readPhotoFacts(Buffer.alloc(64, 0xff))).toEqual({ takenAt: null, gps: null });
  });
});
