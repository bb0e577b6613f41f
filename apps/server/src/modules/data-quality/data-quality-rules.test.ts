import { describe, expect, it } from 'vitest';
import { capacityOutliers, duplicateEnterprises, type LineFacts, median, normaliseEnterpriseName, reconcileSurvey, reconcileTarget, type TargetFacts } from './data-quality-rules.ts';

const zz: TargetFacts = { id: 7, year: 2026, regionCode: '410100', regionName: '郑州市', industryName: '水泥', unitCode: 'wan_t', unitName: '万吨', quantity: '300', overAllocationDeclared: false };

describe('data-quality sweep rules', () => {
  it('states a shortfall of child targets with the figures, per unit only', () => {
    const f = reconcileTarget(zz, [{ unitCode: 'wan_t', quantity: '200' }, { unitCode: 'wan_t', quantity: '80' }, { unitCode: 'wan_box', quantity: '50' }], 'targets');
    expect(f).toMatchObject({ checkKey: 'target:7', kind: 'reconciliation_mismatch', entityType: 'target', entityId: 7, regionCode: '410100' });
    expect(f?.message).toBe('郑州市 2026年 水泥 目标 300 万吨，下级合计 280 万吨，差 20 万吨（另有 1 项为其他计量单位，未计入）');
  });

  it('adds exactly (no float residue), and passes a decomposition that adds up', () => {
    const t = { ...zz, quantity: '0.3' };
    expect(reconcileTarget(t, [{ unitCode: 'wan_t', quantity: '0.1' }, { unitCode: 'wan_t', quantity: '0.2' }], 'targets')).toBeNull();
  });

  it('flags an undeclared excess of child targets, not a declared 超额分解 nor lines covering more', () => {
    const parts = [{ unitCode: 'wan_t', quantity: '350' }];
    expect(reconcileTarget(zz, parts, 'targets')?.message).toContain('超出 50 万吨');
    expect(reconcileTarget({ ...zz, overAllocationDeclared: true }, parts, 'targets')).toBeNull();
    expect(reconcileTarget(zz, parts, 'lines')).toBeNull();
    expect(reconcileTarget(zz, [{ unitCode: 'wan_t', quantity: '100' }], 'lines')?.message).toBe('郑州市 2026年 水泥 目标 300 万吨，分解到生产线合计 100 万吨，差 200 万吨');
    expect(reconcileTarget(zz, [], 'targets')).toBeNull();
  });

  it('takes the median, not the mean', () => {
    expect(median([1, 100, 2])).toBe(2);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('flags a line above ten times its province and industry median, with at least five lines', () => {
    const line = (id: number, capacity: number, over: Partial<LineFacts> = {}): LineFacts => ({
      lineId: id,
      lineName: `${id}号窑`,
      enterpriseId: id,
      enterpriseName: `企业${id}`,
      regionCode: '410181100',
      provinceCode: '410000',
      industryCode: 'cement',
      industryName: '水泥',
      capacity,
      unitCode: 'wan_t',
      unitName: '万吨',
      ...over,
    });
    const lines = [line(1, 10), line(2, 12), line(3, 8), line(4, 11), line(5, 1200), line(6, 100)];
    expect(capacityOutliers(lines).map((f) => f.entityId)).toEqual([5]);
    expect(capacityOutliers(lines.slice(2, 6))).toEqual([]); // four lines: too few to say
    // Another province's lines are another population.
    expect(capacityOutliers([...lines.slice(0, 4), line(5, 1200, { provinceCode: '420000' })])).toEqual([]);
  });

  it('groups enterprises by normalised name and address, one flag per group', () => {
    expect(normaliseEnterpriseName('巩义市 某某水泥有限公司')).toBe(normaliseEnterpriseName('巩义市某某水泥厂'));
    const found = duplicateEnterprises([
      { id: 9, name: '巩义市某某水泥厂', address: '米河镇（示例路８号）', regionCode: '410181100', uscc: 'B' },
      { id: 3, name: '巩义市 某某水泥有限公司', address: '米河镇示例路8号', regionCode: '410181100', uscc: 'A' },
      { id: 4, name: '巩义市某某水泥有限公司', address: '', regionCode: '410181100', uscc: 'C' },
      { id: 5, name: '巩义市另一水泥有限公司', address: '米河镇示例路8号', regionCode: '410181100', uscc: 'D' },
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ checkKey: 'duplicate:enterprise:3,9', entityId: 3, details: { enterpriseIds: [9, 3] } });
    expect(found[0]!.message).toBe('巩义市 某某水泥有限公司（A）与巩义市某某水泥厂（B）名称和地址相同，疑似重复登记');
  });

  it('compares a survey result with its children only once all have filed, unit by unit', () => {
    const names = new Map([['wan_t', '万吨'], ['wan_box', '万重量箱']]);
    const of = (code: string, units: [string, string][]) => ({ regionCode: code, regionName: '巩义市', year: 2026, filingId: 5, units: new Map(units) });
    const gy = of('410181', [['wan_t', '12'], ['wan_box', '3']]);
    expect(reconcileSurvey(gy, [of('a', [['wan_t', '12']]), null], names)).toEqual([]);
    const found = reconcileSurvey(gy, [of('a', [['wan_t', '10']]), of('b', [['wan_t', '2'], ['wan_box', '4']])], names);
    expect(found.map((f) => [f.checkKey, f.message])).toEqual([['survey:5:wan_box', '巩义市 2026年 排查结果 3 万重量箱，下级合计 4 万重量箱，本级少 1 万重量箱']]);
  });
});
