import { describe, expect, it } from 'vitest';
import {
  addSameUnit,
  fromQ,
  quantityText,
  rateText,
  roundQuantity,
  sumByUnit,
  sumQuantities,
  toQ,
  perUnitText,
} from './quantity.ts';

describe('quantities', () => {
  it('sums decimals exactly', () => {
    expect(fromQ(toQ(0.1) + toQ(0.2))).toBe(0.3);
    expect(fromQ(toQ('1200.5000') + toQ(1799.5))).toBe(3000);
    expect(sumQuantities([0.1, 0.2, '0.7000'])).toBe(1);
    expect(sumQuantities([])).toBe(0);
  });
  it('rounds to the column scale (4 decimals) and writes no residue or trailing zeros', () => {
    expect(roundQuantity(2099.60000001)).toBe(2099.6);
    expect(roundQuantity(0.12345)).toBe(0.1235);
    expect(quantityText('1500.0000')).toBe('1500');
    expect(quantityText(0.1 + 0.2)).toBe('0.3');
    expect(quantityText(900.25)).toBe('900.25');
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
  it('sums per unit, keeping units apart and in first-seen order', () => {
    const lines = [
      { unit: '万吨', capacity: 0.1 },
      { unit: '万千瓦', capacity: 1.2 },
      { unit: '万吨', capacity: '0.2000' },
    ];
    const byUnit = sumByUnit(lines, (l) => l.unit, (l) => l.capacity);
    expect([...byUnit]).toEqual([
      ['万吨', 0.3],
      ['万千瓦', 1.2],
    ]);
    expect(perUnitText(byUnit)).toBe('0.3万吨、1.2万千瓦');
    expect(perUnitText(new Map())).toBe('');
  });
});
