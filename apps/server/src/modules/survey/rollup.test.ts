import type { RollupNode } from '@taotai/shared';
import { describe, expect, it } from 'vitest';
import { prng } from '../../db/seeds/random.ts';
import { buildRollup, type OwnReport, pickReport, type TreeRegion, toScaled, type UnitTotals } from './rollup.ts';

const UNITS = ['wt', 'wzx', 'wbz', 'wm', 'wkw', 'wkvah'];
const LEVELS = ['province', 'prefecture', 'county', 'township', 'park'];

interface RawLine {
  unit: string;
  /** Ten-thousandths, as the numeric(14,4) column holds them. */
  tenThousandths: number;
}
interface RawRegion extends TreeRegion {
  state: 'filed' | 'zero_report' | 'silent';
  lines: RawLine[];
  kids: RawRegion[];
}

/** A random region tree with random filings: silent, zero reports, or 1–6 lines in random units. */
function randomTree(seed: number): RawRegion {
  const rnd = prng(seed);
  let serial = 0;
  const make = (depth: number): RawRegion => {
    const roll = rnd.next();
    const state = roll < 0.25 ? 'silent' : roll < 0.45 ? 'zero_report' : 'filed';
    const lines =
      state === 'filed'
        ? Array.from({ length: rnd.int(1, 6) }, () => ({ unit: rnd.pick(UNITS), tenThousandths: rnd.int(1, 2_000_000_000) }))
        : [];
    const kids = depth < 4 && rnd.next() < 0.8 ? Array.from({ length: rnd.int(0, 5) }, () => make(depth + 1)) : [];
    serial++;
    return { code: `R${seed}-${serial}`, name: `地区${serial}`, level: LEVELS[depth]!, state, lines, kids };
  };
  return make(0);
}

function inputOf(root: RawRegion) {
  const children = new Map<string, TreeRegion[]>();
  const reports = new Map<string, OwnReport>();
  let id = 0;
  const walk = (r: RawRegion) => {
    children.set(r.code, r.kids);
    if (r.state !== 'silent') {
      const units: UnitTotals = new Map();
      for (const l of r.lines) {
        const t = units.get(l.unit) ?? { lines: 0, scaled: 0n };
        t.lines++;
        t.scaled += toScaled((l.tenThousandths / 10_000).toFixed(4));
        units.set(l.unit, t);
      }
      reports.set(r.code, { filingId: ++id, status: 'submitted', zeroReport: r.state === 'zero_report', units });
    }
    r.kids.forEach(walk);
  };
  walk(root);
  return { children, reports, unitNames: new Map(UNITS.map((u) => [u, `单位${u}`])) };
}

/** Expected per-unit totals of some regions' own lines, by plain integer addition. */
function expectedUnits(regions: RawRegion[]): Map<string, { lines: number; tenThousandths: number }> {
  const out = new Map<string, { lines: number; tenThousandths: number }>();
  for (const r of regions) {
    for (const l of r.lines) {
      const t = out.get(l.unit) ?? { lines: 0, tenThousandths: 0 };
      t.lines++;
      t.tenThousandths += l.tenThousandths;
      out.set(l.unit, t);
    }
  }
  return out;
}

const descendants = (r: RawRegion): RawRegion[] => r.kids.flatMap((k) => [k, ...descendants(k)]);

function check(raw: RawRegion, node: RollupNode): number {
  expect(node.regionCode).toBe(raw.code);
  expect(node.own.state).toBe(raw.state);
  // Children: counts of states and per-unit totals equal the sum over the children's own filings.
  const count = (rs: RawRegion[], s: string) => rs.filter((r) => r.state === s).length;
  expect(node.children).toMatchObject({
    regions: raw.kids.length,
    filed: count(raw.kids, 'filed'),
    zeroReport: count(raw.kids, 'zero_report'),
    silent: count(raw.kids, 'silent'),
    lineCount: raw.kids.reduce((n, k) => n + k.lines.length, 0),
  });
  const exp = expectedUnits(raw.kids);
  expect(node.children.capacity.map((c) => c.unitCode).sort()).toEqual([...exp.keys()].sort());
  for (const c of node.children.capacity) {
    const e = exp.get(c.unitCode)!;
    expect(c.lineCount).toBe(e.lines);
    expect(Math.round(c.capacity * 10_000)).toBe(e.tenThousandths);
  }
  // The same totals read off the child nodes in the output (the table's total row = sum of its rows).
  for (const unit of exp.keys()) {
    const sumOfRows = node.nodes.reduce((s, k) => s + Math.round((k.own.capacity.find((c) => c.unitCode === unit)?.capacity ?? 0) * 10_000), 0);
    expect(sumOfRows).toBe(exp.get(unit)!.tenThousandths);
  }
  // Subtree: counts over every region below, at all levels.
  const all = descendants(raw);
  expect(node.subtree).toEqual({ regions: all.length, filed: count(all, 'filed'), zeroReport: count(all, 'zero_report'), silent: count(all, 'silent') });
  let checked = 1;
  raw.kids.forEach((k, i) => {
    checked += check(k, node.nodes[i]!);
  });
  return checked;
}

describe('survey rollup (property test over random region trees, seeded)', () => {
  it('every node’s counts and capacity per unit equal the sum of its children, units never mixed', () => {
    let nodes = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const raw = randomTree(seed);
      nodes += check(raw, buildRollup(raw, inputOf(raw), 10));
    }
    expect(nodes).toBeGreaterThan(1000);
  });

  it('never adds capacities of different units: 10 万吨 and 10 万重量箱 stay two entries', () => {
    const mk = (code: string, state: RawRegion['state'], lines: RawLine[]): RawRegion => ({ code, name: code, level: 'county', state, lines, kids: [] });
    const raw: RawRegion = {
      ...mk('P', 'silent', []),
      level: 'prefecture',
      kids: [mk('A', 'filed', [{ unit: 'wt', tenThousandths: 100_000 }]), mk('B', 'filed', [{ unit: 'wzx', tenThousandths: 100_000 }]), mk('C', 'zero_report', [])],
    };
    const node = buildRollup(raw, inputOf(raw), 1);
    expect(node.children.capacity).toEqual([
      { unitCode: 'wt', unitName: '单位wt', capacity: 10, lineCount: 1 },
      { unitCode: 'wzx', unitName: '单位wzx', capacity: 10, lineCount: 1 },
    ]);
    expect(node.children).toMatchObject({ regions: 3, filed: 2, zeroReport: 1, silent: 0, lineCount: 2 });
    expect(node.matchesChildren).toBeNull(); // the prefecture itself has not filed
  });

  it('expands only to the requested depth but counts the whole subtree', () => {
    const raw = randomTree(7);
    const shallow = buildRollup(raw, inputOf(raw), 1);
    expect(shallow.nodes.length).toBe(raw.kids.length);
    for (const k of shallow.nodes) expect(k.nodes).toEqual([]);
    expect(shallow.subtree.regions).toBe(descendants(raw).length);
  });

  it('keeps exact sums where floating point would drift (0.1 + 0.2)', () => {
    const mk = (code: string, t: number): RawRegion => ({ code, name: code, level: 'county', state: 'filed', lines: [{ unit: 'wt', tenThousandths: t }], kids: [] });
    const raw: RawRegion = { ...mk('P', 0), state: 'silent', lines: [], kids: [mk('A', 1000), mk('B', 2000)] };
    expect(buildRollup(raw, inputOf(raw), 1).children.capacity[0]!.capacity).toBe(0.3);
  });

  it('prefers the accepted filing of a region over a newer returned one', () => {
    const a = { status: 'accepted', lastSubmittedAt: new Date('2026-01-01') };
    const b = { status: 'returned', lastSubmittedAt: new Date('2026-02-01') };
    expect(pickReport(a, b)).toBe(a);
    expect(pickReport({ ...a, status: 'submitted' }, { ...b, status: 'resubmitted' })).toMatchObject({ status: 'resubmitted' });
  });
});
