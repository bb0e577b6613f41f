import type { Writable } from 'node:stream';
import { CASE_CRITERION_LABELS, CASE_LIST_KIND_LABELS, CASE_STATUS_LABELS, type CaseQuery, type CaseSummary, type FiltersOf } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { primeBatches, writeXlsxExport, type XlsxColumn } from '../../platform/documents/xlsx-export.ts';
import { casePolicy } from './non-compliance-case.policy.ts';
import { presentCaseSummary } from './non-compliance-case.presenter.ts';
import { caseRepository } from './non-compliance-case.repository.ts';
import { caseFilter } from './non-compliance-case.service.ts';

const COLUMNS: XlsxColumn<CaseSummary>[] = [
  { kind: 'number', header: '编号', value: (c) => c.id, width: 8 },
  { kind: 'coded', header: '统一社会信用代码', nameHeader: '企业', code: (c) => c.uscc, name: (c) => c.enterpriseName, width: 22, nameWidth: 30 },
  { kind: 'coded', header: '区划代码', nameHeader: '所在地', code: (c) => c.regionCode, name: (c) => c.regionName, nameWidth: 16 },
  { kind: 'text', header: '生产线', value: (c) => c.lineName ?? '（整个企业）', width: 24 },
  { kind: 'text', header: '类别', value: (c) => CASE_CRITERION_LABELS[c.criterion], width: 16 },
  { kind: 'text', header: '立案部门', value: (c) => c.agencyName, width: 24 },
  { kind: 'text', header: '决定书文号', value: (c) => c.decisionNo, width: 22 },
  { kind: 'date', header: '送达日期', value: (c) => c.servedOn },
  { kind: 'date', header: '整改期限', value: (c) => c.deadline },
  { kind: 'text', header: '状态', value: (c) => CASE_STATUS_LABELS[c.status], width: 10 },
  { kind: 'text', header: '名单', value: (c) => (c.list ? CASE_LIST_KIND_LABELS[c.list] : ''), width: 8 },
  { kind: 'text', header: '逾期', value: (c) => (c.overdue ? '已逾期' : ''), width: 8 },
  { kind: 'text', header: '关闭决定文号', value: (c) => c.closureDecisionNo, width: 22 },
  { kind: 'date', header: '结案日期', value: (c) => c.concludedOn },
];

const BATCH = 500;

/** 案件 under the list's filters, as xlsx: the whole filtered set in reach, walked by the id keyset, newest first. */
export async function prepareCaseExport(db: Db, clock: Clock, actor: Actor, q: FiltersOf<CaseQuery>) {
  const today = todayInChina(clock.now());
  const reach = casePolicy.reach(actor);
  const filter = caseFilter(q, today);
  async function* batches(): AsyncGenerator<CaseSummary[]> {
    if (!reach) return;
    let afterId: number | null = null;
    for (;;) {
      const rows = await caseRepository.page(db, reach, filter, { afterId, descending: true }, BATCH);
      if (rows.length) yield rows.map((v) => presentCaseSummary(v, today));
      if (rows.length < BATCH) return;
      afterId = rows.at(-1)!.c.id;
    }
  }
  const primed = await primeBatches(batches());
  return {
    fileName: `不达标案件-${today.replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '不达标案件', columns: COLUMNS, batches: primed }),
  };
}
