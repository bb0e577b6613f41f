import type { ProgressQuery, ProgressRow, TargetProgress } from '@taotai/shared';
import { fromQ, rate, rateText } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { catalogueRepository } from '../catalogue/index.ts';
import { regionRepository } from '../region/index.ts';
import { decompositionModeOf } from './target.policy.ts';
import { targetRepository } from './target.repository.ts';
import { figuresFor } from './target-figures.ts';
import type { TargetFigures } from './target-progress.ts';
import { totalsByUnit } from './target-progress.ts';
import { readableRegion } from './target.service.ts';

const shown = (f: Pick<TargetFigures, 'targetQ' | 'coveredQ' | 'eliminatedQ'>) => ({
  target: fromQ(f.targetQ),
  covered: fromQ(f.coveredQ),
  eliminated: fromQ(f.eliminatedQ),
  completionRate: rate(f.eliminatedQ, f.targetQ),
  completionRateText: rateText(f.eliminatedQ, f.targetQ),
});

/**
 * A region's targets for a year, per industry (one unit each): target, decomposed, covered by named
 * lines, eliminated (named lines whose status is 已淘汰) and completion = eliminated ÷ target; each
 * industry with its child regions; totals per unit, never across units.
 */
export async function targetProgress(db: Db, actor: Actor, q: ProgressQuery): Promise<TargetProgress> {
  const region = await readableRegion(db, actor, q.region);
  const own = await targetRepository.list(db, { scope: undefined, region: { code: region.code, subtree: null }, year: q.year });
  const { figures, rows } = await figuresFor(
    db,
    own.map((t) => t.id),
  );
  const childTargets = rows.filter((r) => r.parentTargetId !== null && own.some((t) => t.id === r.parentTargetId));
  const names = new Map((await regionRepository.byCodes(db, childTargets.map((c) => c.regionCode))).map((r) => [r.code, r.name]));
  const units = new Map((await catalogueRepository.units(db)).map((u) => [u.code, u.name]));

  const out: ProgressRow[] = own.map((t) => {
    const f = figures.get(t.id)!;
    return {
      targetId: t.id,
      industryCode: t.industryCode,
      industryName: t.industryName,
      unitCode: t.unitCode,
      unitName: t.unitName,
      ...shown(f),
      enterpriseCount: t.enterpriseCount,
      mode: decompositionModeOf(region.level),
      decomposed: fromQ(f.decomposedQ),
      decomposedEnterpriseCount: f.decomposedEnterpriseCount,
      shortfall: f.shortfall,
      shortBy: fromQ(f.shortByQ),
      coveredEnterprises: f.coveredEnterprises,
      eliminatedEnterprises: f.eliminatedEnterprises,
      children: childTargets
        .filter((c) => c.parentTargetId === t.id)
        .sort((a, b) => a.regionCode.localeCompare(b.regionCode))
        .map((c) => {
          const cf = figures.get(c.id)!;
          return {
            targetId: c.id,
            regionCode: c.regionCode,
            regionName: names.get(c.regionCode) ?? c.regionCode,
            ...shown(cf),
            decomposed: fromQ(cf.decomposedQ),
            shortfall: cf.shortfall,
          };
        }),
    };
  });
  const totals = totalsByUnit(own.map((t) => figures.get(t.id)!)).map((u) => ({
    unitCode: u.unitCode,
    unitName: units.get(u.unitCode) ?? u.unitCode,
    ...shown(u),
    decomposed: fromQ(u.decomposedQ),
  }));
  return { regionCode: region.code, regionName: region.name, year: q.year, rows: out, totals };
}
