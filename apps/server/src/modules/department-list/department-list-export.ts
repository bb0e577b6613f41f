import type { Writable } from 'node:stream';
import { CASE_CRITERION_LABELS, CASE_STATUS_LABELS, type DepartmentListEntry, type DepartmentListQuery, type FiltersOf, LIST_COLOUR_LABELS } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { primeBatches, type XlsxColumn, walkCursor, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { listDepartmentList } from './department-list.service.ts';

const COLUMNS: XlsxColumn<DepartmentListEntry>[] = [
  { kind: 'number', header: '案件编号', value: (e) => e.caseId, format: '0', width: 8 },
  { kind: 'text', header: '类别', value: (e) => CASE_CRITERION_LABELS[e.criterion], width: 14 },
  { kind: 'text', header: '企业名称', value: (e) => e.enterpriseName, width: 30 },
  { kind: 'text', header: '统一社会信用代码', value: (e) => e.uscc, width: 20 },
  { kind: 'coded', header: '区划代码', nameHeader: '所在地区', code: (e) => e.regionCode, name: (e) => e.regionName },
  { kind: 'text', header: '生产线（设备）', value: (e) => e.lineName ?? '企业整体', width: 22 },
  { kind: 'number', header: '产能', value: (e) => e.capacity, format: '0.####' },
  { kind: 'text', header: '单位', value: (e) => e.unitName ?? '', width: 8 },
  { kind: 'text', header: '立案部门', value: (e) => e.agencyName, width: 22 },
  { kind: 'text', header: '决定书文号', value: (e) => e.decisionNo, width: 22 },
  { kind: 'date', header: '送达日期', value: (e) => e.servedOn },
  { kind: 'date', header: '整改期限', value: (e) => e.deadline },
  { kind: 'text', header: '状态', value: (e) => CASE_STATUS_LABELS[e.status] + (e.overdue ? '（已逾期）' : ''), width: 14 },
  { kind: 'text', header: '关闭决定文号', value: (e) => e.closureDecisionNo ?? '', width: 22 },
];

/** The whole filtered list as xlsx on the one helper (ADR 0014); the first page is read first, so 404 still answers 404. */
export async function prepareDepartmentListExport(db: Db, actor: Actor, q: FiltersOf<DepartmentListQuery>, today: string) {
  const batches = await primeBatches(walkCursor((cursor) => listDepartmentList(db, actor, { ...q, cursor, pageSize: 200, sort: '-id' }, today)));
  const name = LIST_COLOUR_LABELS[q.colour].replace(/（.*）/, '');
  const what = q.criterion ? CASE_CRITERION_LABELS[q.criterion] : '全部类别';
  return {
    fileName: `${name}名单-${what}-${today.replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: `${name}名单`, title: `${LIST_COLOUR_LABELS[q.colour]}名单（${what}）`, columns: COLUMNS, batches }),
  };
}
