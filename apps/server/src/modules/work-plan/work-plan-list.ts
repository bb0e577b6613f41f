import type { Writable } from 'node:stream';
import { type FiltersOf, type ListPage, WORK_PLAN_ORIGIN_LABELS, type WorkPlanListQuery, type WorkPlanSummary } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { type XlsxColumn, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { pageOfArray, pageWindow } from '../../platform/http/list-query.ts';
import { actorChain, listPlans } from './work-plan.service.ts';

/**
 * 下级工作方案 on the one list page (issue 11, ADR 0014): the plans of the regions below the user's. Its own
 * plan and the upper levels' it follows are shown above the list, so they are left out here. A year holds
 * one plan per region of the subtree at most, so the list is read whole and paged in memory.
 */
async function lowerPlans(db: Db, actor: Actor, q: FiltersOf<WorkPlanListQuery>, sort: string): Promise<WorkPlanSummary[]> {
  const chain = new Set(await actorChain(db, actor));
  const all = await listPlans(db, actor, q);
  const lower = all.filter((p) => p.regionCode !== actor.regionCode && !chain.has(p.regionCode));
  const byCode = lower.sort((a, b) => b.year - a.year || a.regionCode.localeCompare(b.regionCode));
  return sort === '-regionCode' ? byCode.reverse() : byCode;
}

export async function listLowerPlanPage(db: Db, actor: Actor, q: WorkPlanListQuery): Promise<ListPage<WorkPlanSummary>> {
  const w = pageWindow(q, 20);
  return pageOfArray(await lowerPlans(db, actor, q, q.sort), w);
}

const COLUMNS: XlsxColumn<WorkPlanSummary>[] = [
  { kind: 'number', header: '年度', value: (p) => p.year, format: '0', width: 8 },
  { kind: 'coded', header: '区划代码', nameHeader: '区划', code: (p) => p.regionCode, name: (p) => p.regionName, nameWidth: 18 },
  { kind: 'text', header: '方案名称', value: (p) => p.title, width: 40 },
  { kind: 'text', header: '制定方式', value: (p) => WORK_PLAN_ORIGIN_LABELS[p.origin], width: 16 },
  { kind: 'text', header: '依据方案区划', value: (p) => p.parentRegionName, width: 16 },
  { kind: 'number', header: '阶段数', value: (p) => p.phaseCount, format: '0', width: 8 },
  { kind: 'datetime', header: '更新时间', value: (p) => p.updatedAt },
];

export async function prepareLowerPlanExport(db: Db, clock: Clock, actor: Actor, q: FiltersOf<WorkPlanListQuery>) {
  const rows = await lowerPlans(db, actor, q, 'regionCode');
  return {
    fileName: `下级工作方案-${todayInChina(clock.now()).replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '下级工作方案', columns: COLUMNS, batches: [rows] }),
  };
}
