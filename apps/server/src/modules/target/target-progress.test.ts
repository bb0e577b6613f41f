import { describe, expect, it } from 'vitest';
import { prng } from '../../db/seeds/random.ts';
import { type NamedLine, type TargetNode, computeFigures, totalsByUnit } from './target-progress.ts';

const INDUSTRIES = [
  { code: 'cement', unit: 'wan_t' },
  { code: 'ironmaking', unit: 'wan_t' },
  { code: 'flat_glass', unit: 'wan_weight_box' },
  { code: 'dyeing', unit: 'wan_m' },
];

interface RegionNode {
  id: number;
  children: RegionNode[];
}

/** A random region tree and, per industry, a target tree following it with named lines at the leaves. */
function randomCase(seed: number) {
  const rnd = prng(seed);
  let regionId = 0;
  const grow = (depth: number): RegionNode => ({
    id: ++regionId,
    children: depth < 3 ? Array.from({ length: rnd.int(0, depth === 0 ? 5 : 3) }, () => grow(depth + 1)) : [],
  });
  const root = grow(0);
  const nodes: TargetNode[] = [];
  const lines: NamedLine[] = [];
  const industryOf = new Map<number, string>();
  let targetId = 0;
  let enterpriseId = 0;
  const decimals = () => rnd.int(1, 50_000_000); // up to 5,000 with four decimals, in 1/10,000 units
  const place = (r: RegionNode, industry: (typeof INDUSTRIES)[number], parentId: number | null) => {
    const id = ++targetId;
    industryOf.set(id, industry.code);
    nodes.push({ id, parentId, unitCode: industry.unit, quantityQ: decimals(), enterpriseCount: rnd.next() < 0.5 ? rnd.int(0, 9) : null });
    const kids = r.children.filter(() => rnd.next() < 0.8);
    if (kids.length === 0) {
      for (let k = rnd.int(0, 4); k > 0; k--) {
        const ent = rnd.next() < 0.3 && enterpriseId > 0 ? rnd.int(1, enterpriseId) : ++enterpriseId;
        lines.push({ targetId: id, enterpriseId: ent, capacityQ: decimals(), unitCode: industry.unit, eliminated: rnd.next() < 0.4 });
      }
    }
    for (const k of kids) place(k, industry, id);
  };
  for (const ind of INDUSTRIES) if (rnd.next() < 0.8) place(root, ind, null);
  // Shuffle so the computation cannot rely on parents coming first.
  for (let i = nodes.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [nodes[i], nodes[j]] = [nodes[j]!, nodes[i]!];
  }
  return { nodes, lines, industryOf };
}

describe('target figures over random region trees (seeded)', () => {
  for (let seed = 1; seed <= 200; seed++) {
    it(`seed ${seed}: decomposed = Σ children, covered = Σ below, totals per unit only`, () => {
      const { nodes, lines } = randomCase(seed);
      const figures = computeFigures(nodes, lines);
      expect(figures.size).toBe(nodes.length);
      const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));

      // Brute force, by another route: every line adds to its target and to each ancestor.
      const covered = new Map<number, number>();
      const eliminated = new Map<number, number>();
      for (const l of lines) {
        for (let t: number | null = l.targetId; t !== null; t = parentOf.get(t) ?? null) {
          covered.set(t, (covered.get(t) ?? 0) + l.capacityQ);
          if (l.eliminated) eliminated.set(t, (eliminated.get(t) ?? 0) + l.capacityQ);
        }
      }
      for (const n of nodes) {
        const f = figures.get(n.id)!;
        const kids = nodes.filter((c) => c.parentId === n.id);
        const own = lines.filter((l) => l.targetId === n.id);
        expect(f.decomposedQ).toBe(kids.reduce((s, c) => s + c.quantityQ, 0) + own.reduce((s, l) => s + l.capacityQ, 0));
        expect(f.shortfall).toBe(f.decomposedQ < n.quantityQ);
        expect(f.coveredQ).toBe(covered.get(n.id) ?? 0);
        expect(f.eliminatedQ).toBe(eliminated.get(n.id) ?? 0);
        for (const c of kids) expect(figures.get(c.id)!.unitCode).toBe(f.unitCode);
      }

      const rows = [...figures.values()].filter((f) => parentOf.get(f.id) === null);
      const totals = totalsByUnit(rows);
      expect(new Set(totals.map((t) => t.unitCode)).size).toBe(totals.length);
      for (const t of totals) {
        const same = rows.filter((r) => r.unitCode === t.unitCode);
        expect(same.length).toBeGreaterThan(0);
        expect(t.targetQ).toBe(same.reduce((s, r) => s + r.targetQ, 0));
        expect(t.decomposedQ).toBe(same.reduce((s, r) => s + r.decomposedQ, 0));
        expect(t.coveredQ).toBe(same.reduce((s, r) => s + r.coveredQ, 0));
        expect(t.eliminatedQ).toBe(same.reduce((s, r) => s + r.eliminatedQ, 0));
      }
      expect(totals.map((t) => t.unitCode).sort()).toEqual([...new Set(rows.map((r) => r.unitCode))].sort());
    });
  }

  it('refuses a child in another unit than its parent', () => {
    const nodes: TargetNode[] = [
      { id: 1, parentId: null, unitCode: 'wan_t', quantityQ: 10, enterpriseCount: null },
      { id: 2, parentId: 1, unitCode: 'wan_weight_box', quantityQ: 5, enterpriseCount: null },
    ];
    expect(() => computeFigures(nodes, [])).toThrow('产能单位');
  });

  it('leaves out a named line whose unit no longer matches, and says so', () => {
    const nodes: TargetNode[] = [{ id: 1, parentId: null, unitCode: 'wan_t', quantityQ: 100, enterpriseCount: null }];
    const lines: NamedLine[] = [
      { targetId: 1, enterpriseId: 1, capacityQ: 40, unitCode: 'wan_t', eliminated: true },
      { targetId: 1, enterpriseId: 2, capacityQ: 70, unitCode: 'wan_m', eliminated: true },
    ];
    const f = computeFigures(nodes, lines).get(1)!;
    expect(f).toMatchObject({ coveredQ: 40, eliminatedQ: 40, mismatchedLines: 1, shortfall: true, shortByQ: 60, coveredEnterprises: 1 });
  });

  it('counts an enterprise as done only when all its named lines are eliminated', () => {
    const nodes: TargetNode[] = [
      { id: 1, parentId: null, unitCode: 'wan_t', quantityQ: 100, enterpriseCount: 2 },
      { id: 2, parentId: 1, unitCode: 'wan_t', quantityQ: 60, enterpriseCount: 1 },
      { id: 3, parentId: 1, unitCode: 'wan_t', quantityQ: 40, enterpriseCount: 1 },
    ];
    const lines: NamedLine[] = [
      { targetId: 2, enterpriseId: 7, capacityQ: 30, unitCode: 'wan_t', eliminated: true },
      { targetId: 2, enterpriseId: 7, capacityQ: 30, unitCode: 'wan_t', eliminated: false },
      { targetId: 3, enterpriseId: 8, capacityQ: 40, unitCode: 'wan_t', eliminated: true },
    ];
    const f = computeFigures(nodes, lines);
    expect(f.get(1)).toMatchObject({ decomposedQ: 100, shortfall: false, decomposedEnterpriseCount: 2, coveredEnterprises: 2, eliminatedEnterprises: 1 });
    expect(f.get(2)).toMatchObject({ decomposedQ: 60, decomposedEnterpriseCount: 1, eliminatedEnterprises: 0 });
  });
});
