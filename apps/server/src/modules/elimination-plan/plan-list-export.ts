import type { Writable } from 'node:stream';
import { type FiltersOf, PLAN_STATUS_LABELS, type PlanQuery, type PlanSummary } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { primeBatches, type XlsxColumn, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { listPlans } from './elimination-plan.service.ts';

const COLUMNS: XlsxColumn<PlanSummary>[] = [
  { kind: 'coded', header: '区划代码', nameHeader: '区划', code: (p) => p.regionCode, name: (p) => p.regionName, nameWidth: 18 },
  { kind: 'number', header: '年度', value: (p) => p.year, format: '0', width: 8 },
  { kind: 'text', header: '计划名称', value: (p) => p.title, width: 36 },
  { kind: 'text', header: '状态', value: (p) => PLAN_STATUS_LABELS[p.status], width: 10 },
  { kind: 'number', header: '生产线（条）', value: (p) => p.lineCount, format: '0', width: 10 },
  // Units are never added together (issue 2): one text cell listing each unit's total.
  { kind: 'text', header: '产能（分单位）', value: (p) => p.totals.map((t) => `${t.capacity} ${t.unitName}`).join('；'), width: 30 },
  { kind: 'datetime', header: '更新时间', value: (p) => p.updatedAt },
];

const BATCH = 200;

/**
 * 淘汰计划's list as xlsx (ADR 0014): the whole filtered set in the list's order. The list pages by number only
 * (one plan per region and year: a province's plans over a few years stay far below MAX_OFFSET), so the export
 * walks those pages. The first page is read before anything is sent (a region out of scope: 404).
 */
export async function preparePlanListExport(db: Db, clock: Clock, actor: Actor, q: FiltersOf<PlanQuery>) {
  async function* batches(): AsyncGenerator<PlanSummary[]> {
    for (let page = 1; ; page++) {
      const got = await listPlans(db, actor, { ...q, page, pageSize: BATCH, sort: 'regionCode' });
      if (got.items.length) yield got.items;
      if (got.items.length < BATCH) return;
    }
  }
  const primed = await primeBatches(batches());
  return {
    fileName: `淘汰计划-${todayInChina(clock.now()).replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '淘汰计划', columns: COLUMNS, batches: primed }),
  };
}
