import { addSameUnit } from '@taotai/shared';

/** A target in a tree of decompositions (quantities in 1/10,000 units, see @taotai/shared quantity.ts). */
export interface TargetNode {
  id: number;
  parentId: number | null;
  unitCode: string;
  quantityQ: number;
  enterpriseCount: number | null;
}

/** A line named under a target (county level): its whole capacity covers part of the target. */
export interface NamedLine {
  targetId: number;
  enterpriseId: number;
  capacityQ: number;
  unitCode: string;
  eliminated: boolean;
}

export interface TargetFigures {
  id: number;
  unitCode: string;
  targetQ: number;
  /** What this target was decomposed into: its children's quantities plus its own named lines. */
  decomposedQ: number;
  /** Sum of the children's enterprise counts plus the enterprises named directly; null if none given. */
  decomposedEnterpriseCount: number | null;
  shortfall: boolean;
  shortByQ: number;
  /** Named lines anywhere below (and at) this target. */
  coveredQ: number;
  eliminatedQ: number;
  coveredEnterprises: number;
  /** Enterprises all of whose named lines below this target are eliminated. */
  eliminatedEnterprises: number;
  /** Named lines whose unit no longer matches the target's (left out rather than added across units). */
  mismatchedLines: number;
}

interface Acc {
  coveredQ: number;
  eliminatedQ: number;
  /** enterprise → [named lines, eliminated lines] */
  enterprises: Map<number, [number, number]>;
  mismatched: number;
}

/**
 * Figures for every target in the forest: decomposition against the target, and the named lines
 * covered and eliminated below each. A child in another unit than its parent is a broken invariant
 * and throws; nothing is ever added across units.
 */
export function computeFigures(nodes: readonly TargetNode[], lines: readonly NamedLine[]): Map<number, TargetFigures> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<number, TargetNode[]>();
  for (const n of nodes) {
    if (n.parentId !== null && byId.has(n.parentId)) {
      const parent = byId.get(n.parentId)!;
      if (parent.unitCode !== n.unitCode) throw new Error(`目标任务#${n.id}的产能单位与上级目标#${parent.id}不同，不能汇总`);
      children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
    }
  }
  const ownLines = new Map<number, NamedLine[]>();
  for (const l of lines) ownLines.set(l.targetId, [...(ownLines.get(l.targetId) ?? []), l]);

  const out = new Map<number, TargetFigures>();
  const visit = (n: TargetNode): Acc => {
    const acc: Acc = { coveredQ: 0, eliminatedQ: 0, enterprises: new Map(), mismatched: 0 };
    let decomposed = { unitCode: n.unitCode, q: 0 };
    let count: number | null = null;
    const named = new Set<number>();
    for (const l of ownLines.get(n.id) ?? []) {
      if (l.unitCode !== n.unitCode) {
        acc.mismatched++;
        continue;
      }
      decomposed = addSameUnit(decomposed, { unitCode: l.unitCode, q: l.capacityQ });
      acc.coveredQ += l.capacityQ;
      if (l.eliminated) acc.eliminatedQ += l.capacityQ;
      const e = acc.enterprises.get(l.enterpriseId) ?? [0, 0];
      acc.enterprises.set(l.enterpriseId, [e[0] + 1, e[1] + (l.eliminated ? 1 : 0)]);
      named.add(l.enterpriseId);
    }
    if (named.size > 0) count = named.size;
    for (const c of children.get(n.id) ?? []) {
      decomposed = addSameUnit(decomposed, { unitCode: c.unitCode, q: c.quantityQ });
      if (c.enterpriseCount !== null) count = (count ?? 0) + c.enterpriseCount;
      const sub = visit(c);
      acc.coveredQ += sub.coveredQ;
      acc.eliminatedQ += sub.eliminatedQ;
      acc.mismatched += sub.mismatched;
      for (const [id, [t, e]] of sub.enterprises) {
        const cur = acc.enterprises.get(id) ?? [0, 0];
        acc.enterprises.set(id, [cur[0] + t, cur[1] + e]);
      }
    }
    let done = 0;
    for (const [t, e] of acc.enterprises.values()) if (t === e) done++;
    out.set(n.id, {
      id: n.id,
      unitCode: n.unitCode,
      targetQ: n.quantityQ,
      decomposedQ: decomposed.q,
      decomposedEnterpriseCount: count,
      shortfall: decomposed.q < n.quantityQ,
      shortByQ: Math.max(0, n.quantityQ - decomposed.q),
      coveredQ: acc.coveredQ,
      eliminatedQ: acc.eliminatedQ,
      coveredEnterprises: acc.enterprises.size,
      eliminatedEnterprises: done,
      mismatchedLines: acc.mismatched,
    });
    return acc;
  };
  for (const n of nodes) if (n.parentId === null || !byId.has(n.parentId)) visit(n);
  return out;
}

export interface UnitTotal {
  unitCode: string;
  targetQ: number;
  decomposedQ: number;
  coveredQ: number;
  eliminatedQ: number;
}

/** Totals per unit over rows of several industries, in the order units first appear. */
export function totalsByUnit(rows: readonly Pick<TargetFigures, 'unitCode' | 'targetQ' | 'decomposedQ' | 'coveredQ' | 'eliminatedQ'>[]): UnitTotal[] {
  const totals = new Map<string, UnitTotal>();
  for (const r of rows) {
    const t = totals.get(r.unitCode) ?? { unitCode: r.unitCode, targetQ: 0, decomposedQ: 0, coveredQ: 0, eliminatedQ: 0 };
    t.targetQ += r.targetQ;
    t.decomposedQ += r.decomposedQ;
    t.coveredQ += r.coveredQ;
    t.eliminatedQ += r.eliminatedQ;
    totals.set(r.unitCode, t);
  }
  return [...totals.values()];
}
