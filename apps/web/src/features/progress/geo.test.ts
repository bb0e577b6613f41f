import { describe, expect, it } from 'vitest';
import { geoFileFor, matchFeatures, normaliseName } from './geo.ts';

describe('map outlines ↔ regions', () => {
  it('drops official suffixes', () => {
    expect(normaliseName('河南省')).toBe('河南');
    expect(normaliseName('郑州市')).toBe('郑州');
    expect(normaliseName('内蒙古自治区')).toBe('内蒙古');
    expect(normaliseName('广西壮族自治区')).toBe('广西');
    expect(normaliseName('香港特别行政区')).toBe('香港');
  });

  it('matches short outline names to registry names, by prefix and then by code', () => {
    const regions = [
      { code: '410000', name: '河南省' },
      { code: '450000', name: '广西壮族自治区' },
      { code: '540000', name: '西藏自治区' },
      { code: '542400', name: '那曲市' },
      { code: '650000', name: '新疆维吾尔自治区' },
      { code: '419001', name: '济源市' },
    ];
    const m = matchFeatures(
      [{ name: '河南', id: '41' }, { name: '广西' }, { name: '西藏' }, { name: '那曲地区' }, { name: '新疆' }, { name: '南海诸岛', id: '' }],
      regions,
    );
    expect(m.get('河南')?.code).toBe('410000');
    expect(m.get('广西')?.code).toBe('450000');
    expect(m.get('西藏')?.code).toBe('540000');
    expect(m.get('那曲地区')?.code).toBe('542400');
    expect(m.get('新疆')?.code).toBe('650000');
    expect(m.has('南海诸岛')).toBe(false);
  });

  it('uses the id when a place was renamed, and never gives one region to two outlines', () => {
    const m = matchFeatures([{ name: '襄樊市', id: '4206' }, { name: '郑州市' }, { name: '郑州' }], [
      { code: '420600', name: '襄阳市' },
      { code: '410100', name: '郑州市' },
    ]);
    expect(m.get('襄樊市')?.code).toBe('420600');
    expect(m.get('郑州市')?.code).toBe('410100');
    expect(m.has('郑州')).toBe(false);
  });

  it('has outlines for the country and provinces only', () => {
    expect(geoFileFor('country', '')).toBe('100000');
    expect(geoFileFor('province', '410000')).toBe('410000');
    expect(geoFileFor('prefecture', '410100')).toBeNull();
    expect(geoFileFor('county', '410181')).toBeNull();
  });
});
