/**
 * Capacities and targets are numeric(14,4). They are summed as integers of 1/10,000 so that sums and
 * comparisons (is the decomposition short of the target?) are exact, never off by a float residue.
 */
export const SCALE = 10_000;

export const toQ = (v: number | string): number => Math.round(Number(v) * SCALE);
export const fromQ = (q: number): number => q / SCALE;

/** A quantity in one capacity unit. */
export interface UnitAmount {
  unitCode: string;
  q: number;
}

/** Adds two amounts of the same unit; different units never add up (万吨 + 万重量箱 is meaningless). */
export function addSameUnit(a: UnitAmount, b: UnitAmount): UnitAmount {
  if (a.unitCode !== b.unitCode) throw new Error(`不同产能单位不能相加：${a.unitCode} 与 ${b.unitCode}`);
  return { unitCode: a.unitCode, q: a.q + b.q };
}

/** eliminated ÷ target with one decimal, e.g. 4,099.6 ÷ 3,000 → "136.7%"; "—" without a target. */
export function rateText(numeratorQ: number, denominatorQ: number): string {
  if (denominatorQ <= 0) return '—';
  return `${((numeratorQ / denominatorQ) * 100).toFixed(1)}%`;
}

export const rate = (numeratorQ: number, denominatorQ: number): number | null =>
  denominatorQ > 0 ? numeratorQ / denominatorQ : null;
