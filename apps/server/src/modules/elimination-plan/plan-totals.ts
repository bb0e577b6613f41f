import { fromQ, toQ } from '@taotai/shared';

export interface UnitLineTotal {
  unitCode: string;
  unitName: string;
  capacity: number;
  lineCount: number;
  enterpriseCount: number;
}

/** Capacity, lines and enterprises per unit, in the order units first appear; never across units. */
export function totalsPerUnit(lines: readonly { capacityUnit: string; unitName: string; capacity: string | number; enterpriseId: number }[]): UnitLineTotal[] {
  const acc = new Map<string, { unitName: string; q: number; lines: number; enterprises: Set<number> }>();
  for (const l of lines) {
    const a = acc.get(l.capacityUnit) ?? { unitName: l.unitName, q: 0, lines: 0, enterprises: new Set<number>() };
    a.q += toQ(l.capacity);
    a.lines++;
    a.enterprises.add(l.enterpriseId);
    acc.set(l.capacityUnit, a);
  }
  return [...acc].map(([unitCode, a]) => ({
    unitCode,
    unitName: a.unitName,
    capacity: fromQ(a.q),
    lineCount: a.lines,
    enterpriseCount: a.enterprises.size,
  }));
}

/** Where the enterprise is below the plan's region: 巩义市米河镇 in 郑州's plan, 米河镇 in 巩义's. */
export function relativeRegionName(fullName: string, planDepth: number): string {
  const parts = fullName.split(' / ');
  const below = parts.slice(planDepth + 1);
  return below.length ? below.join('') : (parts.at(-1) ?? fullName);
}
