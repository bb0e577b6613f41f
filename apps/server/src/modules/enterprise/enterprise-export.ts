import type { Writable } from 'node:stream';
import { ENTERPRISE_STATUS_LABELS, type EnterpriseSummary } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { primeBatches, type XlsxColumn, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { type EnterpriseFilters, enterpriseFilter } from './enterprise-list.service.ts';
import { enterpriseListRepository as repo } from './enterprise-list.repository.ts';
import { presentSummary } from './enterprise.presenter.ts';

const COLUMNS: XlsxColumn<EnterpriseSummary>[] = [
  { kind: 'text', header: '企业名称', value: (e) => e.name, width: 32 },
  { kind: 'text', header: '统一社会信用代码', value: (e) => e.uscc, width: 22 },
  { kind: 'coded', header: '区划代码', nameHeader: '所在区划', code: (e) => e.regionCode, name: (e) => e.regionName },
  { kind: 'coded', header: '行业代码', nameHeader: '行业', code: (e) => e.industryCode, name: (e) => e.industryName, width: 9, nameWidth: 10 },
  { kind: 'number', header: '生产线（条）', value: (e) => e.lineCount, format: '0', width: 11 },
  { kind: 'text', header: '状态', value: (e) => ENTERPRISE_STATUS_LABELS[e.status], width: 8 },
  { kind: 'datetime', header: '更新时间', value: (e) => e.updatedAt },
];

const BATCH = 500;

/**
 * 企业台账 as the list shows it (one row per enterprise) under its filters: the whole filtered set, walked
 * by the (scope column, id) keyset. The survey-form export (one row per line, re-importable) is another file.
 */
export async function prepareEnterpriseListExport(db: Db, clock: Clock, actor: Actor, filters: EnterpriseFilters) {
  const filter = await enterpriseFilter(db, actor, filters);
  async function* batches(): AsyncGenerator<EnterpriseSummary[]> {
    let after: { key: string | number; id: number } | null = null;
    for (;;) {
      const rows = await repo.page(db, filter, 'id', after, BATCH);
      if (rows.length) yield rows.map(presentSummary);
      if (rows.length < BATCH) return;
      const last = rows.at(-1)!;
      after = { key: last.sortKey, id: last.id };
    }
  }
  const primed = await primeBatches(batches());
  return {
    fileName: `企业台账-${todayInChina(clock.now()).replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '企业台账', columns: COLUMNS, batches: primed }),
  };
}
