import type { Writable } from 'node:stream';
import { type FiltersOf, LETTER_STATUS_LABELS, type LetterQuery, type LetterSummary } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { primeBatches, writeXlsxExport, type XlsxColumn } from '../../platform/documents/xlsx-export.ts';
import { presentLetterSummary } from './responsibility-letter.presenter.ts';
import { letterRepository } from './responsibility-letter.repository.ts';
import { letterFilter } from './responsibility-letter.service.ts';

/** 乙方 is a region (its code) or an enterprise (its unified social credit code beside its name). */
const COLUMNS: XlsxColumn<LetterSummary>[] = [
  { kind: 'number', header: '编号', value: (l) => l.id, width: 8 },
  { kind: 'number', header: '年度', value: (l) => l.year, format: '0', width: 8 },
  { kind: 'text', header: '责任书', value: (l) => l.title, width: 40 },
  { kind: 'coded', header: '甲方区划代码', nameHeader: '甲方', code: (l) => l.partyA.regionCode, name: (l) => l.partyA.name, nameWidth: 24 },
  {
    kind: 'coded',
    header: '乙方代码',
    nameHeader: '乙方',
    code: (l) => (l.partyB.kind === 'enterprise' ? l.partyB.uscc : l.partyB.regionCode),
    name: (l) => l.partyB.name,
    width: 20,
    nameWidth: 30,
  },
  { kind: 'text', header: '状态', value: (l) => LETTER_STATUS_LABELS[l.status], width: 10 },
  { kind: 'datetime', header: '签订时间', value: (l) => l.signedAt },
  { kind: 'datetime', header: '更新时间', value: (l) => l.updatedAt },
];

const BATCH = 500;

/**
 * 目标责任书 under the list's filters, as xlsx: the whole filtered set walked by the id keyset in batches,
 * newest first as the list shows it. The first batch is read before anything is sent (region out of scope: 404).
 */
export async function prepareLetterExport(db: Db, clock: Clock, actor: Actor, q: FiltersOf<LetterQuery>) {
  const filter = await letterFilter(db, actor, q);
  async function* batches(): AsyncGenerator<LetterSummary[]> {
    let afterId: number | null = null;
    for (;;) {
      const rows = await letterRepository.page(db, filter, { afterId, descending: true }, BATCH);
      if (rows.length) yield rows.map(presentLetterSummary);
      if (rows.length < BATCH) return;
      afterId = rows.at(-1)!.id;
    }
  }
  const primed = await primeBatches(batches());
  return {
    fileName: `目标责任书-${todayInChina(clock.now()).replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '目标责任书', columns: COLUMNS, batches: primed }),
  };
}
