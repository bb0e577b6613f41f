import type { Writable } from 'node:stream';
import { EXIT_TASK_STATUS_LABELS, type ExitTaskQuery, type ExitTaskSummary, type FiltersOf } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { primeBatches, type XlsxColumn, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { presentSummary } from './exit-task.presenter.ts';
import { exitTaskRepository } from './exit-task.repository.ts';
import { taskFilter } from './exit-task.service.ts';

const COLUMNS: XlsxColumn<ExitTaskSummary>[] = [
  { kind: 'number', header: '任务编号', value: (t) => t.id, width: 9 },
  { kind: 'text', header: '企业名称', value: (t) => t.enterpriseName, width: 30 },
  { kind: 'coded', header: '区划代码', nameHeader: '所在区划', code: (t) => t.regionCode, name: (t) => t.regionName },
  { kind: 'coded', header: '行业代码', nameHeader: '行业', code: (t) => t.industryCode, name: (t) => t.industryName, width: 9, nameWidth: 10 },
  { kind: 'text', header: '生产线（设备）', value: (t) => t.lineName, width: 22 },
  { kind: 'text', header: '规格型号', value: (t) => t.specification, width: 16 },
  { kind: 'number', header: '产能', value: (t) => t.capacity, format: '#,##0.####', width: 12 },
  { kind: 'text', header: '产能单位', value: (t) => t.capacityUnitName, width: 10 },
  { kind: 'number', header: '计划年度', value: (t) => t.year, format: '0', width: 9 },
  { kind: 'text', header: '状态', value: (t) => EXIT_TASK_STATUS_LABELS[t.status], width: 12 },
  { kind: 'date', header: '退出期限', value: (t) => t.exitDeadline },
  { kind: 'date', header: '拆除期限', value: (t) => t.dismantleDeadline },
  { kind: 'text', header: '期限提示', value: (t) => t.deadlineLabel ?? '', width: 14 },
];

const BATCH = 500;

/**
 * 退出任务 under the list's filters, as xlsx: the whole filtered set, walked by the id keyset in batches,
 * in the list's default order. The first batch is read before anything is sent (out-of-scope region: 404).
 */
export async function prepareTaskExport(db: Db, clock: Clock, actor: Actor, q: FiltersOf<ExitTaskQuery>) {
  const today = todayInChina(clock.now());
  const filter = await taskFilter(db, actor, q, today);
  const cal = await getCalendar(db);
  async function* batches(): AsyncGenerator<ExitTaskSummary[]> {
    let afterId: number | null = null;
    for (;;) {
      const rows = await exitTaskRepository.page(db, filter, { afterId }, BATCH);
      if (rows.length) yield rows.map((v) => presentSummary(v, today, cal));
      if (rows.length < BATCH) return;
      afterId = rows.at(-1)!.task.id;
    }
  }
  const primed = await primeBatches(batches());
  return {
    fileName: `退出任务-${today.replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '退出任务', columns: COLUMNS, batches: primed }),
  };
}
