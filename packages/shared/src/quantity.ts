/**
 * Quantities of capacity (产能) and targets (目标任务), shared by server and web. The columns are numeric(14,4)
 * in the unit of the industry (万吨, 万重量箱, 万标张, 万米, 万千瓦 — survey-form note, 003 附件). Arithmetic is done on
 * integers of 1/10,000 of the unit, so sums and comparisons (is the decomposition short of, or over, the target?)
 * are exact, never off by a float residue; and amounts of different units are never added together.
 */
export const SCALE = 10_000;

/** 1200.5 or '1200.5000' → 12005000 (integer ten-thousandths). */
export const toQ = (v: number | string): number => Math.round(Number(v) * SCALE);
export const fromQ = (q: number): number => q / SCALE;

/** Rounds to the column's scale: 0.1 + 0.2 → 0.3, 2099.60000001 → 2099.6. */
export const roundQuantity = (v: number): number => fromQ(toQ(v));

/** Sum of decimals, exact to the column's scale. */
export const sumQuantities = (values: Iterable<number | string>): number => {
  let q = 0;
  for (const v of values) q += toQ(v);
  return fromQ(q);
};

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

/**
 * Sums per unit, in first-seen order: [{unit: '万吨', amount: 1.5}, {unit: '万吨', amount: 2}, {unit: '万千瓦', …}]
 * → Map{'万吨' → 3.5, '万千瓦' → …}. The key is whatever names the unit (code or name).
 */
export function sumByUnit<T>(items: Iterable<T>, unitOf: (t: T) => string, amountOf: (t: T) => number | string): Map<string, number> {
  const q = new Map<string, number>();
  for (const t of items) {
    const u = unitOf(t);
    q.set(u, (q.get(u) ?? 0) + toQ(amountOf(t)));
  }
  return new Map([...q].map(([u, v]) => [u, fromQ(v)]));
}

/** Capacities as written: no float residue, no trailing zeros (900.25, 1500, 2099.6). */
export const quantityText = (n: number | string): string => String(roundQuantity(Number(n)));

/** "1500万吨、20万千瓦" from per-unit sums (never one figure across units). */
export const perUnitText = (byUnit: Map<string, number>): string =>
  [...byUnit].map(([u, v]) => `${quantityText(v)}${u}`).join('、');

/** eliminated ÷ target with one decimal, e.g. 4,099.6 ÷ 3,000 → "136.7%"; "—" without a target. */
export function rateText(numeratorQ: number, denominatorQ: number): string {
  if (denominatorQ <= 0) return '—';
  return `${((numeratorQ / denominatorQ) * 100).toFixed(1)}%`;
}

export const rate = (numeratorQ: number, denominatorQ: number): number | null =>
  denominatorQ > 0 ? numeratorQ / denominatorQ : null;
