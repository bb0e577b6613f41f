import type { Db } from '../../db/client.ts';
import { pickReport } from '../survey/index.ts';
import { type Finding, reconcileSurvey, type SurveyTotals } from './data-quality-rules.ts';
import { surveyReconcileRepository as repo } from './survey-reconcile.repository.ts';

/** Survey results against their reporting children's, for every region of the province that filed one (ADR 0018). */
export async function surveyFindings(db: Db, province: string | null): Promise<Finding[]> {
  // One filing per region and year: the best, as the survey rollup picks it (accepted over received …).
  const best = new Map<string, Awaited<ReturnType<typeof repo.reports>>[number]>();
  for (const r of await repo.reports(db, province)) {
    const k = `${r.regionCode}|${r.year}`;
    const cur = best.get(k);
    best.set(k, cur ? pickReport(cur, r) : r);
  }
  if (best.size === 0) return [];
  const totals = new Map<number, Map<string, string>>();
  for (const t of await repo.totals(db, [...best.values()].map((r) => r.filingId))) {
    totals.set(t.filingId, (totals.get(t.filingId) ?? new Map()).set(t.unit, t.capacity));
  }
  const asTotals = (r: Awaited<ReturnType<typeof repo.reports>>[number]): SurveyTotals => ({ ...r, units: totals.get(r.filingId) ?? new Map() });
  const parents = [...best.values()].filter((r) => r.level === 'province' || r.level === 'prefecture' || r.level === 'county');
  const children = await repo.reportingChildren(db, parents.map((p) => ({ code: p.regionCode, level: p.level })));
  const unitNames = await repo.unitNames(db);
  const out: Finding[] = [];
  for (const p of parents) {
    const kids = children.filter((c) => c.reportsTo === p.regionCode);
    const kidTotals = kids.map((k) => {
      const r = best.get(`${k.code}|${p.year}`);
      return r ? asTotals(r) : null;
    });
    out.push(...reconcileSurvey(asTotals(p), kidTotals, unitNames));
  }
  return out;
}
