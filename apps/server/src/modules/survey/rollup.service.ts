import type { SurveyRollup } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { filingPolicy, OVERSEER_ROLES } from '../filing/index.ts';
import { regionInActorScope } from '../region/index.ts';
import { reportingRepository, reportingTree, reportsUpTo } from '../reporting/index.ts';
import { buildRollup, type OwnReport, pickReport, toScaled } from './rollup.ts';
import { surveyRepository as repo } from './survey.repository.ts';


/**
 * The survey rollup for a region and year: per region reporting to it, filed with N lines (capacity per
 * unit) / zero report / silent, recursively down to `depth` levels.
 */
export async function surveyRollup(db: Db, actor: Actor, q: { region?: string; year: number; depth: number }): Promise<SurveyRollup> {
  if (!OVERSEER_ROLES.has(actor.role)) throw forbidden('只有领导小组办公室、领导和审计员可以查看排查汇总');
  const root = await regionInActorScope(db, actor, q.region ?? actor.regionCode);
  // Rollups follow the reporting relation: 郑州 does not roll up 巩义, which reports to the province.
  if (!filingPolicy.oversees(actor, await reportsUpTo(db, root.code, actor.regionCode))) throw notFound('行政区划');
  const tree = reportingTree(await reportingRepository.administrativeSubtree(db, root), root.code);
  // One filing per region: the best of its survey filings this year (accepted over received over submitted…).
  const best = new Map<string, Awaited<ReturnType<typeof repo.reportsUnder>>[number]>();
  for (const r of await repo.reportsUnder(db, root, q.year)) {
    if (!tree.byCode.has(r.regionCode)) continue;
    const cur = best.get(r.regionCode);
    best.set(r.regionCode, cur ? pickReport(cur, r) : r);
  }
  const totals = await repo.unitTotals(db, [...best.values()].filter((r) => !r.zeroReport).map((r) => r.filingId));
  const reports = new Map<string, OwnReport>();
  for (const [code, r] of best) {
    const units = new Map(totals.filter((t) => t.filingId === r.filingId).map((t) => [t.unit, { lines: t.lines, scaled: toScaled(t.capacity) }]));
    reports.set(code, { filingId: r.filingId, status: r.status, zeroReport: r.zeroReport, units });
  }
  const node = buildRollup(root, { children: tree.children, reports, unitNames: await repo.unitNames(db) }, q.depth);
  return { year: q.year, root: node };
}
