import type { Writable } from 'node:stream';
import {
  type BasisItem,
  type BasisItemListQuery,
  CRITERION_LABELS,
  type FiltersOf,
  type Industry,
  type IndustryListQuery,
  type ListPage,
} from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import { type XlsxColumn, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { pageOfArray, pageWindow } from '../../platform/http/list-query.ts';
import { catalogueRepository as repo } from './catalogue.repository.ts';
import { listBasisItems, listIndustries } from './catalogue.service.ts';

/**
 * 行业与判定依据 on the one list page (issue 11, ADR 0014). The catalogues are national reference data of tens
 * to a few hundred rows: read whole, filtered and paged in memory. The array endpoints stay for the forms'
 * selects; these are the list page's and its exports'.
 */
type IndustryRowOut = Industry & { unitName: string };
type BasisRowOut = BasisItem & { industryName: string | null };

const has = (q: string | undefined, ...texts: (string | null)[]) => !q || texts.some((t) => t?.includes(q));

async function industries(db: Db, q: FiltersOf<IndustryListQuery>, sort: string): Promise<IndustryRowOut[]> {
  const units = new Map((await repo.units(db)).map((u) => [u.code, u.name]));
  const rows = (await listIndustries(db))
    .filter((i) => has(q.q, i.name, i.code) && (q.isKey === undefined || i.isKey === (q.isKey === 'true')))
    .map((i) => ({ ...i, unitName: units.get(i.unitCode) ?? i.unitCode }));
  return sort === '-sortOrder' ? rows.reverse() : rows;
}

async function basisItems(db: Db, q: FiltersOf<BasisItemListQuery>, sort: string): Promise<BasisRowOut[]> {
  const names = new Map((await listIndustries(db)).map((i) => [i.code, i.name]));
  const rows = (await listBasisItems(db, q))
    .filter((b) => has(q.q, b.title, b.source))
    .map((b) => ({ ...b, industryName: b.industryCode ? (names.get(b.industryCode) ?? b.industryCode) : null }));
  return rows.sort((a, b) => (sort === '-id' ? b.id - a.id : a.id - b.id));
}

export async function industryPage(db: Db, q: IndustryListQuery): Promise<ListPage<IndustryRowOut>> {
  return pageOfArray(await industries(db, q, q.sort), pageWindow(q, 20));
}

export async function basisItemPage(db: Db, q: BasisItemListQuery): Promise<ListPage<BasisRowOut>> {
  return pageOfArray(await basisItems(db, q, q.sort), pageWindow(q, 20));
}

const INDUSTRY_COLUMNS: XlsxColumn<IndustryRowOut>[] = [
  { kind: 'coded', header: '行业代码', nameHeader: '行业名称', code: (i) => i.code, name: (i) => i.name },
  { kind: 'coded', header: '产能单位代码', nameHeader: '产能单位', code: (i) => i.unitCode, name: (i) => i.unitName, width: 16 },
  { kind: 'text', header: '重点行业', value: (i) => (i.isKey ? '是' : '否'), width: 10 },
  { kind: 'number', header: '排序', value: (i) => i.sortOrder, format: '0', width: 8 },
];

const BASIS_COLUMNS: XlsxColumn<BasisRowOut>[] = [
  { kind: 'number', header: '编号', value: (b) => b.id, format: '0', width: 7 },
  { kind: 'text', header: '不达标类别', value: (b) => CRITERION_LABELS[b.criterion], width: 12 },
  { kind: 'coded', header: '行业代码', nameHeader: '适用行业', code: (b) => b.industryCode, name: (b) => b.industryName ?? '全部行业' },
  { kind: 'text', header: '依据条目', value: (b) => b.title, width: 50 },
  { kind: 'text', header: '依据来源', value: (b) => b.source, width: 36 },
  { kind: 'text', header: '状态', value: (b) => (b.active ? '启用' : '停用'), width: 8 },
];

const stamp = (clock: Clock) => todayInChina(clock.now()).replaceAll('-', '');

export async function prepareIndustryExport(db: Db, clock: Clock, q: FiltersOf<IndustryListQuery>) {
  const rows = await industries(db, q, 'sortOrder');
  return {
    fileName: `行业目录-${stamp(clock)}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '行业目录', columns: INDUSTRY_COLUMNS, batches: [rows] }),
  };
}

export async function prepareBasisExport(db: Db, clock: Clock, q: FiltersOf<BasisItemListQuery>) {
  const rows = await basisItems(db, q, 'id');
  return {
    fileName: `判定依据-${stamp(clock)}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '判定依据', columns: BASIS_COLUMNS, batches: [rows] }),
  };
}
