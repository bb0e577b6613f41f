import type { Db } from '../../db/client.ts';
import { toQ } from '@taotai/shared';
import { targetRepository, type TargetRow } from './target.repository.ts';
import { computeFigures, type TargetFigures } from './target-progress.ts';

/** Loads the targets' decomposition trees and named lines and computes their figures. */
export async function figuresFor(db: Db, rootIds: number[]): Promise<{ figures: Map<number, TargetFigures>; rows: TargetRow[] }> {
  const rows = await targetRepository.subtreeRows(db, rootIds);
  const lines = await targetRepository.namedLinesOf(
    db,
    rows.map((r) => r.id),
  );
  const roots = new Set(rootIds);
  const figures = computeFigures(
    // The roots' own parents are outside the loaded tree: each root is where the sums stop.
    rows.map((r) => ({
      id: r.id,
      parentId: roots.has(r.id) ? null : r.parentTargetId,
      unitCode: r.unitCode,
      quantityQ: toQ(r.quantity),
      enterpriseCount: r.enterpriseCount,
    })),
    lines.map((l) => ({
      targetId: l.targetId,
      enterpriseId: Number(l.enterpriseId),
      capacityQ: toQ(l.capacity),
      unitCode: l.capacityUnit,
      eliminated: l.status === 'eliminated',
    })),
  );
  return { figures, rows };
}
