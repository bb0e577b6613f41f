import type { Writable } from 'node:stream';
import {
  type FiltersOf,
  INSPECTION_ROUND_STATUS_LABELS,
  type InspectionRoundQuery,
  type InspectionRoundSummary,
  type ListPage,
} from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { type Actor, LEVEL_COLUMN } from '../../platform/access/actor.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { primeBatches, writeXlsxExport, type XlsxColumn } from '../../platform/documents/xlsx-export.ts';
import { cutPage, idCursor, pageWindow } from '../../platform/http/list-query.ts';
import { regionInActorScope } from '../region/index.ts';
import { presentRoundSummary } from './inspection.presenter.ts';
import { type RoundListFilter, inspectionRepository as repo } from './inspection.repository.ts';

/** The list's filters, scoped (a region out of scope: 404); null for an enterprise, which sees no rounds. */
async function roundFilter(db: Db, actor: Actor, q: FiltersOf<InspectionRoundQuery>): Promise<RoundListFilter | null> {
  const region = q.region ? await regionInActorScope(db, actor, q.region) : null;
  if (actor.role === 'enterprise') return null;
  return {
    scope: actor.scope.column === 'all' ? null : { column: actor.scope.column, code: actor.scope.code },
    region: region ? { column: LEVEL_COLUMN[region.level]!, code: region.code } : undefined,
    year: q.year,
    status: q.status,
  };
}

type PageAt = { afterId: number | null; descending: boolean; offset?: number };

async function summaries(db: Db, f: RoundListFilter, at: PageAt, limit: number) {
  const rows = await repo.roundPage(db, f, at, limit);
  const counts = new Map((await repo.recordCounts(db, rows.map((r) => r.round.id))).map((c) => [c.roundId, c]));
  return rows.map((r) => presentRoundSummary(r.round, r.regionName, counts.get(r.round.id) ?? { total: 0, concluded: 0 }, r.leaderAccountName));
}

export async function listRounds(db: Db, actor: Actor, q: InspectionRoundQuery): Promise<ListPage<InspectionRoundSummary>> {
  const w = pageWindow(q, 20);
  const afterId = idCursor(w.cursor);
  const filter = await roundFilter(db, actor, q);
  if (!filter) return { items: [], nextCursor: null, total: w.withTotal ? 0 : null, page: w.page, pageSize: w.size };
  const [rows, total] = await Promise.all([
    summaries(db, filter, { afterId, descending: q.sort === '-id', offset: w.offset }, w.size + 1),
    w.withTotal ? repo.roundCount(db, filter) : null,
  ]);
  const { rows: items, nextCursor } = cutPage(rows, w, (last) => String(last.id));
  return { items, nextCursor, total, page: w.page, pageSize: w.size };
}

const leaderOf = (r: InspectionRoundSummary) => r.team.find((m) => m.role === 'leader');

const COLUMNS: XlsxColumn<InspectionRoundSummary>[] = [
  { kind: 'number', header: '编号', value: (r) => r.id, width: 8 },
  { kind: 'text', header: '批次', value: (r) => r.title, width: 36 },
  { kind: 'coded', header: '区划代码', nameHeader: '区划', code: (r) => r.regionCode, name: (r) => r.regionName },
  { kind: 'number', header: '年度', value: (r) => r.year, format: '0', width: 8 },
  { kind: 'date', header: '检查开始日期', value: (r) => r.startDate, width: 13 },
  { kind: 'date', header: '检查结束日期', value: (r) => r.endDate, width: 13 },
  { kind: 'text', header: '组长', value: (r) => leaderOf(r)?.personName ?? '', width: 10 },
  { kind: 'text', header: '组长单位', value: (r) => leaderOf(r)?.agencyName ?? '', width: 22 },
  { kind: 'number', header: '检查组人数', value: (r) => r.team.length, format: '0', width: 10 },
  { kind: 'number', header: '企业数', value: (r) => r.enterpriseCount, format: '0', width: 8 },
  { kind: 'number', header: '已结论', value: (r) => r.concludedCount, format: '0', width: 8 },
  { kind: 'text', header: '状态', value: (r) => INSPECTION_ROUND_STATUS_LABELS[r.status], width: 10 },
];

const BATCH = 500;

/**
 * 检查验收批次 under the list's filters, as xlsx: the whole filtered set walked by the id keyset in batches,
 * newest first as the list shows it. The first batch is read before anything is sent (region out of scope: 404).
 */
export async function prepareRoundExport(db: Db, clock: Clock, actor: Actor, q: FiltersOf<InspectionRoundQuery>) {
  const filter = await roundFilter(db, actor, q);
  async function* batches(): AsyncGenerator<InspectionRoundSummary[]> {
    if (!filter) return;
    let afterId: number | null = null;
    for (;;) {
      const rows = await summaries(db, filter, { afterId, descending: true }, BATCH);
      if (rows.length) yield rows;
      if (rows.length < BATCH) return;
      afterId = rows.at(-1)!.id;
    }
  }
  const primed = await primeBatches(batches());
  return {
    fileName: `检查验收批次-${todayInChina(clock.now()).replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '检查验收批次', columns: COLUMNS, batches: primed }),
  };
}
