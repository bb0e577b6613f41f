import { type ExitTaskStage, type ProgressPicture, type ProgressPictureQuery, type RegionProgress, toQ } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { catalogueRepository } from '../catalogue/index.ts';
import { type RegionRow, regionInActorScope, regionRepository } from '../region/index.ts';
import { addCell, cellKey, emptyCounts, type IndustryInfo, isEmpty, type RegionCounts, remainder, totalsOf } from './progress-figures.ts';
import { COUNTRY_CODE, progressMaintenance } from './progress-maintenance.repository.ts';
import { progressRepository } from './progress.repository.ts';

interface Node {
  code: string;
  name: string;
  level: string;
}

/** The region asked for (or the user's own) and its rows: administrative children, then 省直管县 at province level. */
async function regionAndChildren(db: Db, actor: Actor, code: string): Promise<{ node: Node; children: RegionRow[]; direct: RegionRow[] }> {
  if (code === COUNTRY_CODE) {
    if (actor.scope.column !== 'all') throw notFound('区划');
    const provinces = await regionRepository.children(db, null, 100);
    return { node: { code, name: '全国', level: 'country' }, children: provinces.map((c) => c.row), direct: [] };
  }
  const r = await regionInActorScope(db, actor, code);
  const [kids, direct] = await Promise.all([
    regionRepository.children(db, r.code, 5000),
    r.level === 'province' ? progressRepository.directlyAdministeredUnder(db, r.code) : Promise.resolve([]),
  ]);
  return { node: { code: r.code, name: r.name, level: r.level }, children: kids.map((c) => c.row), direct };
}

/**
 * The progress picture of a region and its children for a year, read from the rollup tables (a few
 * rows per region whatever its size). Children add up to the region: a remainder row (`ownLevel`)
 * holds tasks of enterprises registered at the region itself.
 */
export async function progressPicture(db: Db, clock: Clock, actor: Actor, q: ProgressPictureQuery): Promise<ProgressPicture> {
  // Enterprises see their own tasks, never a region's picture.
  if (actor.role === 'enterprise') throw forbidden('企业用户没有进度看板');
  const today = todayInChina(clock.now());
  const year = q.year ?? Number(today.slice(0, 4));
  const code = q.region ?? (actor.scope.column === 'all' ? COUNTRY_CODE : actor.regionCode);
  const { node, children, direct } = await regionAndChildren(db, actor, code);
  const codes = [node.code, ...children.map((c) => c.code), ...direct.map((c) => c.code)];
  const [rollup, enterprises, overdue, targets, industryRows] = await Promise.all([
    progressRepository.rollup(db, codes, year),
    progressRepository.enterprises(db, codes, year),
    progressRepository.overdue(db, codes, year, today),
    progressRepository.targets(db, codes, year),
    catalogueRepository.industries(db),
  ]);

  const counts = new Map<string, RegionCounts>(codes.map((c) => [c, emptyCounts()]));
  for (const r of rollup) addCell(counts.get(r.regionCode)!, r.industryCode, r.unit, r.stage as ExitTaskStage, r.tasks, r.capacity);
  for (const e of enterprises) {
    const c = counts.get(e.regionCode)!;
    c.enterprisesPlanned = e.planned;
    c.enterprisesAccepted = e.accepted;
  }
  for (const o of overdue) counts.get(o.regionCode)!.overdueTasks = o.tasks;
  const targetsOf = new Map<string, Map<string, number>>();
  for (const t of targets) {
    const m = targetsOf.get(t.regionCode) ?? new Map<string, number>();
    m.set(cellKey(t.industryCode, t.unit), toQ(t.quantity));
    targetsOf.set(t.regionCode, m);
  }
  const industries = new Map<string, IndustryInfo>(industryRows.map((i) => [i.code, { name: i.name, sortOrder: i.sortOrder }]));
  const totals = (c: string) => totalsOf(counts.get(c)!, industries, targetsOf.get(c) ?? null);

  const rows: RegionProgress[] = children.map((c) => ({ ...totals(c.code), code: c.code, name: c.name, directlyAdministered: false }));
  const own = remainder(counts.get(node.code)!, children.map((c) => counts.get(c.code)!));
  if (children.length > 0 && !isEmpty(own)) {
    rows.push({ ...totalsOf(own, industries, null), code: node.code, name: `${node.name}（本级）`, directlyAdministered: false, ownLevel: true });
  }
  for (const d of direct) rows.push({ ...totals(d.code), code: d.code, name: d.name, directlyAdministered: true });
  return { ...totals(node.code), regionCode: node.code, regionName: node.name, level: node.level, year, children: rows };
}

/** Recomputes the rollup tables from the base tables (admin repair; also after bulk loads). */
export async function rebuildProgress(db: Db, clock: Clock, actor: Actor): Promise<{ rollupRows: number; ms: number }> {
  if (actor.role !== 'admin') throw forbidden('只有系统管理员可以重建进度汇总');
  const t0 = performance.now();
  const rollupRows = await db.transaction(async (tx) => {
    await progressMaintenance.rebuild(tx);
    const n = await progressMaintenance.rollupRowCount(tx);
    await recordAudit(tx, actor, clock.now(), { action: 'progress.rebuild', entityType: 'progress_rollup', regionCode: COUNTRY_CODE, after: { rollupRows: n } });
    return n;
  });
  return { rollupRows, ms: Math.round(performance.now() - t0) };
}
