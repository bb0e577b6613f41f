/**
 * The reporting relation (pure): filings and rollups go to the reporting parent, which is the
 * province for a directly-administered county (省直管县, 003 salutation) and the administrative
 * parent otherwise.
 */
export interface ReportingRegion {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  provinceCode: string;
  directlyAdministered: boolean;
}

export function reportingParentOf(r: ReportingRegion): string | null {
  if (r.level === 'county' && r.directlyAdministered) return r.provinceCode === r.code ? null : r.provinceCode;
  return r.parentCode;
}

/** Children by reporting parent for the regions reachable from `rootCode` (root included). */
export function reportingTree<R extends ReportingRegion>(rows: R[], rootCode: string): { byCode: Map<string, R>; children: Map<string, R[]> } {
  const all = new Map<string, R[]>();
  for (const r of rows) {
    const p = reportingParentOf(r);
    if (p === null) continue;
    const list = all.get(p);
    if (list) list.push(r);
    else all.set(p, [r]);
  }
  const byCode = new Map<string, R>();
  const children = new Map<string, R[]>();
  const root = rows.find((r) => r.code === rootCode);
  if (!root) return { byCode, children };
  const queue = [root];
  byCode.set(root.code, root);
  while (queue.length) {
    const r = queue.shift()!;
    const kids = (all.get(r.code) ?? []).slice().sort((a, b) => a.code.localeCompare(b.code));
    children.set(r.code, kids);
    for (const k of kids) {
      if (byCode.has(k.code)) continue;
      byCode.set(k.code, k);
      queue.push(k);
    }
  }
  return { byCode, children };
}
