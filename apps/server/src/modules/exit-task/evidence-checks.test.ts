import { describe, expect, it } from 'vitest';
import { photoTimeDoubts } from './evidence-checks.ts';

describe('photoTimeDoubts', () => {
  const approved = new Date('2026-03-02T01:00:00Z'); // 09:00 Beijing
  it('names a missing capture time, a photo before the plan, and photos out of order', () => {
    expect(photoTimeDoubts('photo_before', null, approved, [])).toEqual(['拆除前照片没有拍摄时间（EXIF），无法核实拍摄时间']);
    expect(photoTimeDoubts('seal_photo', '2026-03-02T08:59:00', approved, [])[0]).toContain('早于淘汰计划批准时间');
    expect(photoTimeDoubts('seal_photo', '2026-03-02T09:01:00', approved, [])).toEqual([]);
    const before = [{ kind: 'photo_before', takenAt: '2026-04-01T10:00:00' }];
    expect(photoTimeDoubts('photo_after', '2026-04-01T09:00:00', approved, before)[0]).toContain('拍摄顺序颠倒');
    expect(photoTimeDoubts('photo_after', '2026-04-01T11:00:00', approved, before)).toEqual([]);
    expect(photoTimeDoubts('photo_before', '2026-04-02T11:00:00', approved, [{ kind: 'photo_during', takenAt: '2026-04-01T10:00:00' }])[0]).toContain('拍摄顺序颠倒');
  });
});
