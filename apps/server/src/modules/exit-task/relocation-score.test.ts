import { describe, expect, it } from 'vitest';
import { type EquipmentFacts, normaliseEquipmentName, rankRelocationMatches, scoreRelocationMatch } from './relocation-score.ts';

const kiln: EquipmentFacts = { name: '2号机立窑', specification: 'Φ2.5×10m 机立窑', industryCode: 'cement', capacity: 8, capacityUnit: 'wan_t', quantity: 1 };
const coal: EquipmentFacts = { name: '1号小煤矿', specification: '单井 6万吨/年', industryCode: 'coal', capacity: 6.42, capacityUnit: 'wan_t', quantity: 1 };

describe('relocation match score', () => {
  it('normalises the ordinal and spacing of a name', () => {
    expect(normaliseEquipmentName('3号 小煤矿')).toBe('小煤矿');
    expect(normaliseEquipmentName('第十二号机立窑')).toBe('机立窑');
    expect(normaliseEquipmentName('小煤矿')).toBe('小煤矿');
  });

  it('scores a rare name, spec and the same capacity as strong, with the reasons', () => {
    const m = scoreRelocationMatch(kiln, { ...kiln, name: '1号机立窑', capacity: 8.02 }, 1);
    expect(m).toEqual({ score: 80, strength: 'strong', reasons: ['设备名称相同', '规格相同', '行业相同', '产能相同'], generic: false });
  });

  it('scores a rare name and spec with another capacity as medium, a near capacity higher', () => {
    expect(scoreRelocationMatch(kiln, { ...kiln, capacity: 20 }, 2)).toMatchObject({ score: 45, strength: 'medium', generic: false });
    expect(scoreRelocationMatch(kiln, { ...kiln, capacity: 8.5 }, 2)).toMatchObject({ score: 60, strength: 'medium', reasons: expect.arrayContaining(['产能相近']) });
  });

  it('weighs a generic name+spec pair a fifth: weak and collapsible unless the capacity is the same', () => {
    const weak = scoreRelocationMatch(coal, { ...coal, name: '2号小煤矿', capacity: 8.1 }, 14);
    expect(weak).toMatchObject({ score: 13, strength: 'weak', generic: true });
    expect(weak?.reasons.at(-1)).toBe('名称规格常见（14家企业登记），权重降低');
    const same = scoreRelocationMatch(coal, { ...coal, capacity: 6.42 }, 14);
    expect(same).toMatchObject({ score: 48, strength: 'medium', generic: false });
  });

  it('never matches on capacity alone, nor across capacity units', () => {
    expect(scoreRelocationMatch(kiln, { ...kiln, name: '水泥磨', specification: 'Φ2.2m' }, 1)).toBeNull();
    const m = scoreRelocationMatch(kiln, { ...kiln, capacityUnit: 'wan_kva' }, 1);
    expect(m?.reasons).not.toContain('产能相同');
  });

  it('makes a serial number strong on its own, and counts the same quantity of several units', () => {
    const a = { ...kiln, serialNo: 'JLY-2008-117', manufacturer: '某机械厂', quantity: 3 };
    const m = scoreRelocationMatch(a, { ...a, name: '窑', specification: '', capacity: 30 }, 1);
    expect(m).toMatchObject({ strength: 'medium', reasons: ['行业相同', '数量相同', '生产厂家相同', '出厂编号相同'] });
    expect(scoreRelocationMatch(a, { ...a, capacity: 8 }, 1)?.score).toBe(100);
  });

  it('ranks by score and collapses the weak generic matches into a count', () => {
    const candidates = Array.from({ length: 14 }, (_, i) => ({ candidate: i, facts: { ...coal, name: `${i + 2}号小煤矿`, capacity: 3 + i * 0.4 }, common: 15 }));
    candidates.push({ candidate: 99, facts: { ...coal, capacity: 6.42 }, common: 15 });
    const r = rankRelocationMatches(coal, candidates);
    expect(r.shown.map((s) => s.candidate)).toEqual([99]);
    expect(r.collapsed).toBe(14);
    const k = rankRelocationMatches(kiln, [
      { candidate: 'a', facts: { ...kiln, capacity: 30 }, common: 2 },
      { candidate: 'b', facts: kiln, common: 2 },
    ]);
    expect(k.shown.map((s) => [s.candidate, s.match.strength])).toEqual([
      ['b', 'strong'],
      ['a', 'medium'],
    ]);
  });
});
