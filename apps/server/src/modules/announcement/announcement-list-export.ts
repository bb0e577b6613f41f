import type { Writable } from 'node:stream';
import {
  ANNOUNCEMENT_FORM_LABELS,
  ANNOUNCEMENT_KIND_LABELS,
  ANNOUNCEMENT_STATUS_LABELS,
  type AnnouncementQuery,
  type AnnouncementSummary,
  type FiltersOf,
} from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { primeBatches, type XlsxColumn, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { listAnnouncements } from './announcement.service.ts';

const COLUMNS: XlsxColumn<AnnouncementSummary>[] = [
  { kind: 'number', header: '编号', value: (a) => a.id, format: '0', width: 7 },
  { kind: 'coded', header: '区划代码', nameHeader: '区划', code: (a) => a.regionCode, name: (a) => a.regionName, nameWidth: 16 },
  { kind: 'number', header: '年度', value: (a) => a.year, format: '0', width: 8 },
  { kind: 'text', header: '标题', value: (a) => a.title, width: 40 },
  { kind: 'text', header: '内容', value: (a) => ANNOUNCEMENT_KIND_LABELS[a.kind], width: 16 },
  { kind: 'text', header: '形式', value: (a) => ANNOUNCEMENT_FORM_LABELS[a.form], width: 8 },
  { kind: 'text', header: '状态', value: (a) => ANNOUNCEMENT_STATUS_LABELS[a.status], width: 10 },
  { kind: 'number', header: '名单条数', value: (a) => a.itemCount, format: '0', width: 10 },
  { kind: 'date', header: '发布日期', value: (a) => a.publishDate },
  { kind: 'date', header: '公示截止', value: (a) => a.notice?.endDate },
  { kind: 'number', header: '异议', value: (a) => a.objectionCount, format: '0', width: 8 },
  { kind: 'number', header: '未答复', value: (a) => a.unansweredCount, format: '0', width: 8 },
  { kind: 'datetime', header: '更新时间', value: (a) => a.updatedAt },
];

const BATCH = 200;

/**
 * 公告公示's list as xlsx (ADR 0014): the whole filtered set, newest first as the list shows it. The list pages
 * by number only (a few announcements per region and year), so the export walks those pages; the first is read
 * before anything is sent (a region out of scope: 404).
 */
export async function prepareAnnouncementListExport(db: Db, clock: Clock, actor: Actor, q: FiltersOf<AnnouncementQuery>) {
  async function* batches(): AsyncGenerator<AnnouncementSummary[]> {
    for (let page = 1; ; page++) {
      const got = await listAnnouncements(db, clock, actor, { ...q, page, pageSize: BATCH, sort: '-id' });
      if (got.items.length) yield got.items;
      if (got.items.length < BATCH) return;
    }
  }
  const primed = await primeBatches(batches());
  return {
    fileName: `公告公示-${todayInChina(clock.now()).replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '公告公示', columns: COLUMNS, batches: primed }),
  };
}
