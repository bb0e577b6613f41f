import {
  DATA_QUALITY_KINDS,
  type DataQualityCounts,
  type DataQualityFlag,
  type DataQualityKind,
  type DataQualityPage,
  type DataQualityQuery,
  type DataQualityStatus,
  type LifecycleEntry,
} from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { type Actor, LEVEL_COLUMN, type ScopeColumn } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import { cutPage, pageWindow } from '../../platform/http/list-query.ts';
import { lifecycleRepository, presentHistory, readHistory, runTransition } from '../../platform/lifecycle/index.ts';
import { ancestryOf, type RegionRow, regionInActorScope, regionRepository } from '../region/index.ts';
import { HISTORY_LABELS } from './data-quality-links.ts';
import { flagMachine } from './data-quality.machine.ts';
import { mayReadFlags } from './data-quality.policy.ts';
import { presentFlag } from './data-quality.presenter.ts';
import { dataQualityRepository as repo, type SubtreeFilter } from './data-quality.repository.ts';

export interface RaiseFlagInput {
  /** The region whose record is in doubt: the flag is seen by its office and every level above. */
  regionCode: string;
  kind: DataQualityKind;
  entityType: string;
  entityId: number;
  /** Chinese, naming the record and what is in doubt. */
  message: string;
  details: Record<string, unknown>;
}

/**
 * Raises a flag inside the caller's transaction (the entry it concerns and the flag commit together),
 * audited there too. Other modules call this through the module's index.ts.
 */
export async function raiseFlag(tx: Db, actor: Actor, now: Date, input: RaiseFlagInput): Promise<number> {
  const r = await regionRepository.byCode(tx, input.regionCode);
  if (!r) throw new Error(`raiseFlag: unknown region ${input.regionCode}`);
  const a = ancestryOf(r);
  const row = await repo.insert(tx, {
    regionCode: r.code,
    provinceCode: a.provinceCode,
    prefectureCode: a.prefectureCode,
    countyCode: a.countyCode,
    townshipCode: a.townshipCode,
    kind: input.kind,
    entityType: input.entityType,
    entityId: input.entityId,
    message: input.message,
    details: input.details,
    raisedBy: actor.userId,
    raisedAt: now,
  });
  await recordAudit(tx, actor, now, {
    action: 'data_quality.raise',
    entityType: 'data_quality_flag',
    entityId: row.id,
    regionCode: r.code,
    after: { kind: input.kind, entityType: input.entityType, entityId: input.entityId, message: input.message },
  });
  return row.id;
}

const CHILD_COLUMN: Record<string, Exclude<ScopeColumn, 'all'> | null> = {
  province: 'prefectureCode',
  prefecture: 'countyCode',
  county: 'townshipCode',
  township: null,
  park: null,
};

/** The region whose subtree is shown: the one asked for (in scope, else 404) or the caller's own; null = the whole country. */
async function rootOf(db: Db, actor: Actor, code: string | undefined): Promise<RegionRow | null> {
  if (!mayReadFlags(actor)) throw forbidden('无权查看数据质量标记');
  if (!code && actor.scope.column === 'all') return null;
  return regionInActorScope(db, actor, code ?? actor.regionCode);
}

const subtreeOf = (root: RegionRow | null): SubtreeFilter =>
  root ? { column: LEVEL_COLUMN[root.level] ?? 'townshipCode', code: root.code } : { column: 'all', code: '' };

export async function listFlags(db: Db, actor: Actor, q: DataQualityQuery): Promise<DataQualityPage> {
  const w = pageWindow(q, 50);
  const root = await rootOf(db, actor, q.region);
  const cursorId = w.cursor ? Number(w.cursor) : null;
  if (cursorId !== null && (!Number.isInteger(cursorId) || cursorId <= 0)) throw invalid('游标无效', [{ path: 'cursor', message: '游标无效' }]);
  const filter = { subtree: subtreeOf(root), kind: q.kind, status: q.status };
  const rows = await repo.list(db, filter, { cursorId, ascending: q.sort === 'id', offset: w.offset, limit: w.size + 1 });
  const { rows: page, nextCursor } = cutPage(rows, w, (last) => String(last.flag.id));
  return { items: page.map((r) => presentFlag(actor, r)), nextCursor, total: await repo.count(db, filter), page: w.page, pageSize: w.size };
}

/** Open/resolved counts of the region's subtree, per kind and per child region (rolled up the tree). */
export async function flagCounts(db: Db, actor: Actor, code: string | undefined): Promise<DataQualityCounts> {
  const root = await rootOf(db, actor, code);
  const subtree = subtreeOf(root);
  const byKind = await repo.countsByKind(db, subtree);
  const sum = (status: string, kind?: string) =>
    byKind.filter((r) => r.status === status && (!kind || r.kind === kind)).reduce((n, r) => n + r.n, 0);
  const childColumn = root ? CHILD_COLUMN[root.level] : 'provinceCode';
  const children: DataQualityCounts['children'] = [];
  if (childColumn) {
    const counts = await repo.countsByChild(db, subtree, childColumn);
    const kids = await regionRepository.children(db, root?.code ?? null, 5000);
    const of = (c: string | null, status: string) => counts.filter((x) => x.code === c && x.status === status).reduce((n, x) => n + x.n, 0);
    for (const k of kids) {
      const open = of(k.row.code, 'open');
      const resolved = of(k.row.code, 'resolved');
      if (open || resolved) children.push({ regionCode: k.row.code, regionName: k.row.name, open, resolved });
    }
    const ownOpen = of(null, 'open');
    const ownResolved = of(null, 'resolved');
    if (root && (ownOpen || ownResolved)) children.unshift({ regionCode: root.code, regionName: `${root.name}（本级）`, open: ownOpen, resolved: ownResolved });
  }
  return {
    regionCode: root?.code ?? '',
    regionName: root?.name ?? '全国',
    open: sum('open'),
    resolved: sum('resolved'),
    byKind: DATA_QUALITY_KINDS.map((kind) => ({ kind, open: sum('open', kind), resolved: sum('resolved', kind) })),
    children,
  };
}

/** A flag in the caller's subtree, or 404 exactly like a missing one. */
async function readableFlag(db: Db, actor: Actor, id: number) {
  if (!mayReadFlags(actor)) throw notFound('数据质量标记');
  const r = await repo.byId(db, id);
  const f = r?.flag;
  if (!r || !f) throw notFound('数据质量标记');
  const col = actor.scope.column;
  if (col !== 'all' && f[col] !== actor.scope.code) throw notFound('数据质量标记');
  return r;
}

export async function getFlag(db: Db, actor: Actor, id: number): Promise<DataQualityFlag> {
  return presentFlag(actor, await readableFlag(db, actor, id));
}

/**
 * The flagged record's lifecycle history (drill-down). Scoped by the flag: a flag lies in its record's
 * region, so whoever may read the flag may read that record's timeline; out of scope 404 like the flag.
 */
export async function flagRecordHistory(db: Db, actor: Actor, id: number): Promise<LifecycleEntry[]> {
  const { flag } = await readableFlag(db, actor, id);
  const labels = HISTORY_LABELS[flag.entityType];
  return labels ? presentHistory(await lifecycleRepository.history(db, flag.entityType, flag.entityId), labels) : [];
}

/** The flag's timeline (raised is the record itself; its resolution with the note). Out of scope answers 404. */
export async function flagHistory(db: Db, actor: Actor, id: number): Promise<LifecycleEntry[]> {
  await readableFlag(db, actor, id);
  return readHistory(db, flagMachine, id);
}

/** Resolves a flag with a note (never deletes it) through the one lifecycle step: history and audit in the same transaction. */
export async function resolveFlag(db: Db, clock: Clock, actor: Actor, id: number, note: string): Promise<DataQualityFlag> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { flag } = await readableFlag(tx, actor, id);
    await runTransition(tx, {
      machine: flagMachine,
      table: repo.table,
      record: flag,
      id,
      from: flag.status as DataQualityStatus,
      event: 'resolve',
      actor,
      now,
      regionCode: flag.regionCode,
      reason: note,
      set: { resolvedBy: actor.userId, resolvedAt: now, resolutionNote: note },
      payload: { note },
    });
  });
  return getFlag(db, actor, id);
}
