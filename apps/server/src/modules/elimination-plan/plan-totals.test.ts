import { describe, expect, it } from 'vitest';
import { relativeRegionName, totalsPerUnit } from './plan-totals.ts';

describe('plan totals', () => {
  it('adds per unit only, exactly, counting lines and distinct enterprises', () => {
    const totals = totalsPerUnit([
      { capacityUnit: 'wan_t', unitName: '万吨', capacity: '0.1', enterpriseId: 1 },
      { capacityUnit: 'wan_weight_box', unitName: '万重量箱', capacity: 60, enterpriseId: 2 },
      { capacityUnit: 'wan_t', unitName: '万吨', capacity: 0.2, enterpriseId: 1 },
      { capacityUnit: 'wan_t', unitName: '万吨', capacity: '12.5000', enterpriseId: 3 },
    ]);
    expect(totals).toEqual([
      { unitCode: 'wan_t', unitName: '万吨', capacity: 12.8, lineCount: 3, enterpriseCount: 2 },
      { unitCode: 'wan_weight_box', unitName: '万重量箱', capacity: 60, lineCount: 1, enterpriseCount: 1 },
    ]);
  });
  it('names the enterprise’s place below the plan region', () => {
    const full = '河南省 / 郑州市 / 巩义市 / 米河镇';
    expect(relativeRegionName(full, 1)).toBe('巩义市米河镇');
    expect(relativeRegionName(full, 2)).toBe('米河镇');
    expect(relativeRegionName('河南省 / 郑州市 / 巩义市', 2)).toBe('巩义市');
  });
});
