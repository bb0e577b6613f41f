import type { Writable } from 'node:stream';
import { type FiltersOf, TIP_MATTER_LABELS, TIP_STATUS_LABELS, type TipListItem, type TipQuery } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { primeBatches, writeXlsxExport, type XlsxColumn } from '../../platform/documents/xlsx-export.ts';
import { tipPolicy } from './tip.policy.ts';
import { presentTipListItem } from './tip.presenter.ts';
import { tipRepository } from './tip.repository.ts';
import { tipFilter } from './tip.service.ts';

/** The list's columns; never the tipster (only whether the tip was anonymous). */
const COLUMNS: XlsxColumn<TipListItem>[] = [
  { kind: 'text', header: '编号', value: (t) => t.no, width: 16 },
  { kind: 'text', header: '事项', value: (t) => TIP_MATTER_LABELS[t.matter], width: 24 },
  { kind: 'text', header: '所在地', value: (t) => t.regionName, width: 24 },
  { kind: 'text', header: '企业', value: (t) => t.enterpriseName, width: 28 },
  { kind: 'text', header: '状态', value: (t) => TIP_STATUS_LABELS[t.status], width: 12 },
  { kind: 'date', header: '受理日期', value: (t) => t.receivedOn },
  { kind: 'date', header: '办理期限', value: (t) => t.deadline },
  { kind: 'text', header: '逾期', value: (t) => (t.overdue ? '已逾期' : ''), width: 8 },
  { kind: 'text', header: '提级督办', value: (t) => (t.escalated ? '已提级' : ''), width: 10 },
  { kind: 'text', header: '举报方式', value: (t) => (t.identityKind === 'real_name' ? '实名' : '匿名'), width: 10 },
  { kind: 'text', header: '承办地区', value: (t) => t.handlingRegionName, width: 14 },
  { kind: 'text', header: '承办部门', value: (t) => t.handlingAgencyName, width: 22 },
];

const BATCH = 500;

/** 举报 under the list's filters, as xlsx: the whole filtered set in reach, walked by the id keyset, newest first. */
export async function prepareTipExport(db: Db, clock: Clock, actor: Actor, q: FiltersOf<TipQuery>) {
  const today = todayInChina(clock.now());
  const reach = tipPolicy.reach(actor);
  const filter = tipFilter(q, today);
  async function* batches(): AsyncGenerator<TipListItem[]> {
    if (!reach) return;
    const cal = await getCalendar(db);
    let afterId: number | null = null;
    for (;;) {
      const rows = await tipRepository.page(db, reach, filter, { afterId, descending: true }, BATCH);
      if (rows.length) yield rows.map((v) => presentTipListItem(v, today, cal));
      if (rows.length < BATCH) return;
      afterId = rows.at(-1)!.t.id;
    }
  }
  const primed = await primeBatches(batches());
  return {
    fileName: `举报-${today.replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '举报', columns: COLUMNS, batches: primed }),
  };
}
