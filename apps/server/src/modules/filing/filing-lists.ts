import type { Writable } from 'node:stream';
import {
  FILING_KIND_LABELS,
  FILING_STATUS_LABELS,
  type FilingMatrixListQuery,
  type FilingMatrixPage,
  type FilingRequirementListQuery,
  type FilingRequirementSummary,
  type FiltersOf,
  MATRIX_CELL_LABELS,
  RECURRENCE_LABELS,
  type ListPage,
} from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { type XlsxColumn, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { pageOfArray, pageWindow } from '../../platform/http/list-query.ts';
import { filingMatrix } from './monitoring.service.ts';
import { listRequirements } from './requirement.service.ts';

/**
 * 报送管理 on the one list page (issue 11, ADR 0014): each tab's table paged, with an export of exactly the
 * tab's filtered set. A year's requirements are tens of rows whose columns (current period, deadline in
 * working days, filed count) come from period arithmetic, so the list is computed whole and paged in memory.
 */
type Summary = FilingRequirementSummary;

async function requirementsInOrder(db: Db, clock: Clock, actor: Actor, q: FiltersOf<FilingRequirementListQuery>, sort: string) {
  const all = await listRequirements(db, clock, actor, q);
  return all.sort((a, b) => (sort === 'id' ? a.id - b.id : b.id - a.id));
}

export async function listRequirementPage(db: Db, clock: Clock, actor: Actor, q: FilingRequirementListQuery): Promise<ListPage<Summary>> {
  const w = pageWindow(q, 20);
  return pageOfArray(await requirementsInOrder(db, clock, actor, q, q.sort), w);
}

const myStatus = (r: Summary) => (r.myFiling ? FILING_STATUS_LABELS[r.myFiling.status] : '未报送');

function requirementColumns(view: 'issued' | 'addressed'): XlsxColumn<Summary>[] {
  const common: XlsxColumn<Summary>[] = [
    { kind: 'number', header: '编号', value: (r) => r.id, format: '0', width: 7 },
    { kind: 'text', header: '报送要求', value: (r) => r.title, width: 36 },
    { kind: 'text', header: '种类', value: (r) => FILING_KIND_LABELS[r.kind], width: 14 },
    { kind: 'coded', header: '下达区划代码', nameHeader: '下达单位', code: (r) => r.issuerRegionCode, name: (r) => `${r.issuerRegionName}领导小组办公室`, nameWidth: 24 },
    { kind: 'text', header: '频次', value: (r) => RECURRENCE_LABELS[r.recurrence], width: 10 },
    { kind: 'text', header: '期次', value: (r) => (r.recurrence === 'once' ? '' : r.currentPeriod.label), width: 14 },
    { kind: 'date', header: '截止日期', value: (r) => r.currentPeriod.dueDate },
  ];
  if (view === 'addressed') {
    return [
      ...common,
      { kind: 'text', header: '本单位报送', value: myStatus, width: 12 },
      { kind: 'number', header: '逾期工作日', value: (r) => r.myFiling?.lateWorkingDays || null, format: '0', width: 10 },
      { kind: 'text', header: '期限', value: (r) => (r.myFiling ? '' : r.deadlineLabel), width: 18 },
    ];
  }
  return [
    ...common,
    { kind: 'number', header: '应报单位数', value: (r) => r.targetCount, format: '0', width: 10 },
    { kind: 'number', header: '已报送数', value: (r) => r.filedCount, format: '0', width: 10 },
    { kind: 'text', header: '期限', value: (r) => r.deadlineLabel, width: 18 },
  ];
}

const stamp = (clock: Clock) => todayInChina(clock.now()).replaceAll('-', '');

/** The tab's whole filtered set as xlsx; computed before any byte is sent, so a refusal keeps its status. */
export async function prepareRequirementExport(db: Db, clock: Clock, actor: Actor, q: FiltersOf<FilingRequirementListQuery>) {
  const rows = await requirementsInOrder(db, clock, actor, q, '-id');
  const tab = q.view === 'issued' ? '下达的报送要求' : '下达给本单位的报送要求';
  return {
    fileName: `${tab}-${stamp(clock)}.xlsx`,
    write: (out: Writable) =>
      writeXlsxExport(out, { sheetName: tab, columns: requirementColumns(q.view), batches: [rows] }),
  };
}

type MatrixRow = FilingMatrixPage['items'][number];

export async function matrixPage(db: Db, clock: Clock, actor: Actor, q: FilingMatrixListQuery): Promise<FilingMatrixPage> {
  const w = pageWindow(q, 50);
  const m = await filingMatrix(db, clock, actor, q);
  const rows = q.sort === '-code' ? [...m.rows].reverse() : m.rows;
  return { ...pageOfArray(rows, w), issuerRegionCode: m.issuerRegionCode, today: m.today, requirements: m.requirements };
}

/** 报送情况总表 as xlsx: one row per unit, one column per requirement (its current period's state). */
export async function prepareMatrixExport(db: Db, clock: Clock, actor: Actor, q: FiltersOf<FilingMatrixListQuery>) {
  const m = await filingMatrix(db, clock, actor, q);
  const cell = (row: MatrixRow, id: number) => {
    const c = row.cells[String(id)];
    if (!c) return '—';
    const days = c.state === 'overdue' ? `·${c.overdueWorkingDays}个工作日` : c.lateWorkingDays > 0 ? `·迟报${c.lateWorkingDays}个工作日` : '';
    return `${MATRIX_CELL_LABELS[c.state]}${days}`;
  };
  const columns: XlsxColumn<MatrixRow>[] = [
    { kind: 'coded', header: '区划代码', nameHeader: '报送单位', code: (r) => r.regionCode ?? '', name: (r) => r.name, nameWidth: 24 },
    ...m.requirements.map((r): XlsxColumn<MatrixRow> => ({ kind: 'text', header: `${r.title}（截止${r.period.dueDate}）`, value: (row) => cell(row, r.id), width: 22 })),
  ];
  return {
    fileName: `报送情况总表-${stamp(clock)}.xlsx`,
    write: (out: Writable) =>
      writeXlsxExport(out, { sheetName: '报送情况总表', filters: `截至 ${m.today}${q.year ? `，${q.year}年` : ''}，各要求按当期`, columns, batches: [m.rows] }),
  };
}
