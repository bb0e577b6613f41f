import type { Writable } from 'node:stream';
import { DATA_QUALITY_KIND_LABELS, DATA_QUALITY_STATUS_LABELS, type DataQualityFilterQuery, type DataQualityFlag } from '@taotai/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { primeBatches, type XlsxColumn, walkCursor, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { listFlags } from './data-quality.service.ts';

const COLUMNS: XlsxColumn<DataQualityFlag>[] = [
  { kind: 'number', header: '编号', value: (f) => f.id, format: '0', width: 8 },
  { kind: 'coded', header: '区划代码', nameHeader: '区划', code: (f) => f.regionCode, name: (f) => f.regionName },
  { kind: 'text', header: '类别', value: (f) => DATA_QUALITY_KIND_LABELS[f.kind], width: 16 },
  // Messages quote names typed by the public and by filers: the helper guards every text cell against formulas.
  { kind: 'text', header: '内容', value: (f) => f.message, width: 60 },
  { kind: 'text', header: '记录', value: (f) => `${f.entityType}#${f.entityId}`, width: 18 },
  { kind: 'text', header: '标记人', value: (f) => f.raisedByName ?? '', width: 10 },
  { kind: 'datetime', header: '标记时间', value: (f) => f.raisedAt },
  { kind: 'text', header: '状态', value: (f) => DATA_QUALITY_STATUS_LABELS[f.status], width: 8 },
  { kind: 'text', header: '处理人', value: (f) => f.resolvedByName ?? '', width: 10 },
  { kind: 'datetime', header: '处理时间', value: (f) => f.resolvedAt },
  { kind: 'text', header: '处理意见', value: (f) => f.resolutionNote ?? '', width: 30 },
];

/**
 * The flags the list shows under the same filters, as xlsx on the one helper (ADR 0014), walked by the list's
 * own cursor. The first page is read before anything is sent, so a region out of scope still answers 404.
 */
export async function prepareFlagExport(db: Db, actor: Actor, q: z.infer<typeof DataQualityFilterQuery>, today: string) {
  const batches = await primeBatches(
    walkCursor((cursor) => listFlags(db, actor, { ...q, cursor, pageSize: 200, sort: '-id' })),
  );
  return {
    fileName: `数据质量标记-${today.replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '数据质量标记', columns: COLUMNS, batches }),
  };
}
