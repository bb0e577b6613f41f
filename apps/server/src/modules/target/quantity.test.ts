import { describe, expect, it } from 'vitest';
import { addSameUnit, fromQ, rateText, toQ } from './quantity.ts';

describe('quantities', () => {
  it('sums decimals exactly', () => {
    expect(fromQ(toQ(0.1) + toQ(0.2))).toBe(0.3);
    expect(fromQ(toQ('1200.5000') + toQ(1799.5))).toBe(3000);
  });
  it('shows the completion rate with one decimal', () => {
    expect(rateText(toQ(4099.6), toQ(3000))).toBe('136.7%');
    expect(rateText(toQ(1500), toQ(3000))).toBe('50.0%');
    expect(rateText(0, 0)).toBe('—');
  });
  it('never adds different units', () => {
    expect(addSameUnit({ unitCode: 'wan_t', q: 1 }, { unitCode: 'wan_t', q: 2 })).toEqual({ unitCode: 'wan_t', q: 3 });
    expect(() => addSameUnit({ unitCode: 'wan_t', q: 1 }, { unitCode: 'wan_weight_box', q: 2 })).toThrow('不同产能单位不能相加');
  });
});
