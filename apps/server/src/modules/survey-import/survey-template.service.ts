import { CRITERIA, CRITERION_LABELS } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { catalogueRepository } from '../catalogue/index.ts';
import { regionRepository } from '../region/index.ts';
import { regionLabel } from './region-label.ts';
import { beijingYear, surveyTitle } from './survey-form-layout.ts';
import { buildTemplate } from './survey-form-template.ts';

/** Towns offered as a drop-down: those of the actor's county (or the actor's own town); none above a county. */
async function townNames(ctx: AppContext, actor: Actor): Promise<string[]> {
  if (actor.scope.column === 'townshipCode') {
    const own = await regionRepository.byCode(ctx.db, actor.regionCode);
    return own ? [own.name] : [];
  }
  if (actor.scope.column !== 'countyCode') return [];
  const kids = await regionRepository.children(ctx.db, actor.scope.code, 500);
  return kids.filter((k) => k.row.level === 'township' || k.row.level === 'park').map((k) => k.row.name);
}

/** The blank form titled for the actor's region and this year, with the catalogues as drop-downs. */
export async function templateFor(ctx: AppContext, actor: Actor): Promise<{ fileName: string; body: Buffer }> {
  const [industries, units] = [await catalogueRepository.industries(ctx.db), await catalogueRepository.units(ctx.db)];
  const title = surveyTitle(await regionLabel(ctx.db, actor), beijingYear(ctx.clock.now()));
  const body = await buildTemplate({
    title,
    industries: industries.map((i) => i.name),
    units: units.map((u) => u.name),
    criteria: CRITERIA.map((c) => CRITERION_LABELS[c]),
    towns: await townNames(ctx, actor),
  });
  return { fileName: `${title}.xlsx`, body };
}
