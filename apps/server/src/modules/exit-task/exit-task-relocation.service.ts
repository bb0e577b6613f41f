import type { ExitTask } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { relocationRepository as repo } from './relocation.repository.ts';
import { type EquipmentFacts, rankRelocationMatches } from './relocation-score.ts';

export type RelocationHits = { shown: ExitTask['duplicatesElsewhere']; collapsed: number };

/**
 * Lines in other counties that may be this line's equipment moved there, ranked by the match score;
 * weak matches on a common name/specification are counted only (issue 11: 14 hits on every demo coal mine
 * taught clerks to ignore the warning).
 */
export async function relocationMatches(db: Db, lineId: number, countyCode: string | null): Promise<RelocationHits> {
  const l = await repo.line(db, lineId);
  if (!l) return { shown: [], collapsed: 0 };
  const [candidates, common] = await Promise.all([
    repo.candidates(db, lineId, l.name, l.specification, l.capacity, countyCode),
    repo.commonness(db, l.name, l.specification),
  ]);
  const facts = (x: typeof l): EquipmentFacts => ({ ...x, capacity: Number(x.capacity) });
  const ranked = rankRelocationMatches(
    facts(l),
    candidates.map((c) => ({ candidate: c, facts: facts(c), common })),
  );
  return {
    shown: ranked.shown.map(({ candidate: c, match: m }) => ({
      lineId: c.lineId,
      enterpriseName: c.enterpriseName,
      regionCode: c.regionCode,
      regionName: c.regionName,
      lineName: c.name,
      specification: c.specification,
      score: m.score,
      strength: m.strength,
      reasons: m.reasons,
    })),
    collapsed: ranked.collapsed,
  };
}
