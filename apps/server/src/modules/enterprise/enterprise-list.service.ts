import { type EnterpriseQuery, type EnterpriseSummary, type ListPage, toHalfWidth } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { type Actor, LEVEL_COLUMN } from '../../platform/access/actor.ts';
import { cutPage, pageWindow } from '../../platform/http/list-query.ts';
import { regionInActorScope } from '../region/index.ts';
import { criterionBit } from './criteria.ts';
import { decodeCursor, encodeCursor } from './enterprise-cursor.ts';
import { type EnterpriseFilter, type EnterpriseSort, enterpriseListRepository as repo } from './enterprise-list.repository.ts';
import { enterprisePolicy } from './enterprise.policy.ts';
import { presentSummary } from './enterprise.presenter.ts';
import type { EnterpriseView } from './enterprise.repository.ts';
import { type LineView, lineRepository } from './line.repository.ts';

/** The list's filters without paging: also what the export takes. */
export type EnterpriseFilters = Pick<EnterpriseQuery, 'region' | 'industry' | 'criterion' | 'status' | 'q'>;

/** Turns request filters into a scoped filter; a region outside the scope answers 404. */
export async function enterpriseFilter(db: Db, actor: Actor, f: EnterpriseFilters): Promise<EnterpriseFilter> {
  let region: EnterpriseFilter['region'] = null;
  if (f.region) {
    const r = await regionInActorScope(db, actor, f.region);
    region = { column: LEVEL_COLUMN[r.level]!, code: r.code };
  }
  let q: EnterpriseFilter['q'];
  if (f.q) {
    const compact = toHalfWidth(f.q).replace(/\s+/g, '').toUpperCase();
    q = { text: f.q, uscc: /^[0-9A-Z]{18}$/.test(compact) ? compact : null };
  }
  return {
    scope: enterprisePolicy.listScope(actor),
    region,
    industry: f.industry || undefined,
    criterionBit: f.criterion ? criterionBit(f.criterion) : undefined,
    status: f.status,
    q,
  };
}

export async function listEnterprises(
  db: Db,
  actor: Actor,
  query: EnterpriseQuery,
): Promise<ListPage<EnterpriseSummary>> {
  const w = pageWindow(query, 20);
  const filter = await enterpriseFilter(db, actor, query);
  const after = decodeCursor(query.sort, w.cursor);
  const rows = await repo.page(db, filter, query.sort, after, w.size + 1, w.offset);
  const { rows: page, nextCursor } = cutPage(rows, w, (last) => encodeCursor(query.sort, last.sortKey, last.id));
  const total = w.withTotal ? await repo.count(db, filter) : null;
  return { items: page.map(presentSummary), nextCursor, total, page: w.page, pageSize: w.size };
}

export interface EnterpriseWithLines {
  enterprise: EnterpriseView;
  lines: LineView[];
}

/**
 * Every enterprise matching the filters that the actor may see, with its lines, in batches
 * (for the xlsx export): keyset pages, so memory stays flat however many rows match.
 */
export async function* enterpriseBatches(
  db: Db,
  actor: Actor,
  filters: EnterpriseFilters,
  opts: { sort?: EnterpriseSort; batchSize?: number } = {},
): AsyncGenerator<EnterpriseWithLines[]> {
  const sort = opts.sort ?? 'id';
  const size = opts.batchSize ?? 500;
  const filter = await enterpriseFilter(db, actor, filters);
  let after: { key: string | number; id: number } | null = null;
  for (;;) {
    const rows = await repo.page(db, filter, sort, after, size);
    if (rows.length === 0) return;
    const lines = await lineRepository.viewsOf(
      db,
      rows.map((r) => r.id),
    );
    const byEnterprise = new Map<number, LineView[]>();
    for (const l of lines) {
      const list = byEnterprise.get(l.enterpriseId) ?? [];
      list.push(l);
      byEnterprise.set(l.enterpriseId, list);
    }
    yield rows.map((r) => ({ enterprise: r, lines: byEnterprise.get(r.id) ?? [] }));
    if (rows.length < size) return;
    const last = rows.at(-1)!;
    after = { key: last.sortKey, id: last.id };
  }
}
