import type { CapacityByUnit, RollupCounts, RollupNode, SurveyState } from '@taotai/shared';

/**
 * The survey rollup up the reporting chain (pure). Capacities are summed per unit as exact integers of
 * ten-thousandths (the column's scale), so totals never drift and units are never added together.
 */
export const SCALE = 10_000n;

/** '12.3456' (numeric as text) → 123456n. */
export function toScaled(text: string): bigint {
  const neg = text.startsWith('-');
  const [int = '0', frac = ''] = (neg ? text.slice(1) : text).split('.');
  const v = BigInt(int || '0') * SCALE + BigInt(frac.padEnd(4, '0').slice(0, 4));
  return neg ? -v : v;
}

export const fromScaled = (v: bigint): number => Number(v) / Number(SCALE);

/** Lines and capacity per unit code. */
export type UnitTotals = Map<string, { lines: number; scaled: bigint }>;

export interface OwnReport {
  filingId: number;
  status: string;
  zeroReport: boolean;
  units: UnitTotals;
}

export interface TreeRegion {
  code: string;
  name: string;
  level: string;
}

export function addUnits(into: UnitTotals, from: UnitTotals): void {
  for (const [unit, t] of from) {
    const cur = into.get(unit);
    if (cur) {
      cur.lines += t.lines;
      cur.scaled += t.scaled;
    } else {
      into.set(unit, { lines: t.lines, scaled: t.scaled });
    }
  }
}

const presentUnits = (u: UnitTotals, names: ReadonlyMap<string, string>): CapacityByUnit[] =>
  [...u.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([unitCode, t]) => ({ unitCode, unitName: names.get(unitCode) ?? unitCode, capacity: fromScaled(t.scaled), lineCount: t.lines }));

const lineCountOf = (u: UnitTotals) => [...u.values()].reduce((n, t) => n + t.lines, 0);

const sameUnits = (a: UnitTotals, b: UnitTotals) =>
  a.size === b.size && [...a].every(([k, t]) => b.get(k)?.lines === t.lines && b.get(k)?.scaled === t.scaled);

const stateOf = (r: OwnReport | undefined): SurveyState => (!r ? 'silent' : r.zeroReport ? 'zero_report' : 'filed');

const emptyCounts = (): RollupCounts => ({ regions: 0, filed: 0, zeroReport: 0, silent: 0 });
const bump = (c: RollupCounts, s: SurveyState) => {
  c.regions++;
  if (s === 'filed') c.filed++;
  else if (s === 'zero_report') c.zeroReport++;
  else c.silent++;
};

export interface RollupInput {
  children: ReadonlyMap<string, TreeRegion[]>;
  reports: ReadonlyMap<string, OwnReport>;
  unitNames: ReadonlyMap<string, string>;
}

/**
 * The node for a region: its own filing, its direct children's filings summed (counts, lines, capacity
 * per unit), and the counts over every region below. Children are expanded down to `depth` levels.
 */
export function buildRollup(region: TreeRegion, input: RollupInput, depth: number): RollupNode {
  const own = input.reports.get(region.code);
  const kids = input.children.get(region.code) ?? [];
  const childNodes = kids.map((k) => buildRollup(k, input, Math.max(depth - 1, 0)));
  const childCounts = emptyCounts();
  const subtree = emptyCounts();
  const childUnits: UnitTotals = new Map();
  for (const [i, k] of kids.entries()) {
    const r = input.reports.get(k.code);
    const s = stateOf(r);
    bump(childCounts, s);
    bump(subtree, s);
    const below = childNodes[i]!.subtree;
    subtree.regions += below.regions;
    subtree.filed += below.filed;
    subtree.zeroReport += below.zeroReport;
    subtree.silent += below.silent;
    if (r && !r.zeroReport) addUnits(childUnits, r.units);
  }
  const ownUnits: UnitTotals = own && !own.zeroReport ? own.units : new Map();
  const state = stateOf(own);
  return {
    regionCode: region.code,
    regionName: region.name,
    level: region.level as RollupNode['level'],
    own: {
      state,
      filingId: own?.filingId ?? null,
      status: own?.status ?? null,
      lineCount: lineCountOf(ownUnits),
      capacity: presentUnits(ownUnits, input.unitNames),
    },
    children: { ...childCounts, lineCount: lineCountOf(childUnits), capacity: presentUnits(childUnits, input.unitNames) },
    subtree,
    matchesChildren: kids.length === 0 || state === 'silent' ? null : sameUnits(ownUnits, childUnits),
    nodes: depth > 0 ? childNodes : [],
  };
}

/** Ranks a region's survey filings: the one the office has accepted beats received, beats submitted, beats returned. */
const STATUS_RANK: Record<string, number> = { accepted: 4, received: 3, resubmitted: 2, submitted: 2, returned: 1 };

export function pickReport<T extends { status: string; lastSubmittedAt: Date }>(a: T, b: T): T {
  const ra = STATUS_RANK[a.status] ?? 0;
  const rb = STATUS_RANK[b.status] ?? 0;
  if (ra !== rb) return ra > rb ? a : b;
  return a.lastSubmittedAt >= b.lastSubmittedAt ? a : b;
}
