import type { Writable } from 'node:stream';
import { DATA_QUALITY_KIND_LABELS, DATA_QUALITY_STATUS_LABELS, type DataQualityFlag, type DataQualityQuery } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { safeRow } from '../../platform/documents/xlsx-safe.ts';
import { streamingWorkbook } from '../../platform/documents/xlsx-stream.ts';
import { listFlags } from './data-quality.service.ts';

const HEADERS = ['编号', '区划', '类别', '内容', '记录', '标记人', '标记时间', '状态', '处理人', '处理时间', '处理意见'];
const beijing = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

const rowOf = (f: DataQualityFlag) => [
  f.id,
  f.regionName,
  DATA_QUALITY_KIND_LABELS[f.kind],
  f.message,
  `${f.entityType}#${f.entityId}`,
  f.raisedByName ?? '',
  beijing(f.raisedAt),
  DATA_QUALITY_STATUS_LABELS[f.status],
  f.resolvedByName ?? '',
  beijing(f.resolvedAt),
  f.resolutionNote ?? '',
];

/**
 * The flags the list shows under the same filters, as xlsx. The first page is read before anything is
 * sent, so a region out of scope still answers 404 rather than a broken download.
 */
export async function prepareFlagExport(db: Db, actor: Actor, q: Omit<DataQualityQuery, 'cursor' | 'limit'>, today: string) {
  let page = await listFlags(db, actor, { ...q, limit: 200 });
  return {
    fileName: `数据质量标记-${today.replaceAll('-', '')}.xlsx`,
    async write(out: Writable) {
      const wb = streamingWorkbook(out);
      const ws = wb.addWorksheet('数据质量标记', { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.addRow(HEADERS).commit();
      for (;;) {
        if (out.destroyed) return;
        // Messages quote names typed by the public and by filers: every text cell goes through the formula guard.
        for (const f of page.items) ws.addRow(safeRow(rowOf(f))).commit();
        if (!page.nextCursor) break;
        page = await listFlags(db, actor, { ...q, cursor: page.nextCursor, limit: 200 });
      }
      ws.commit();
      await wb.commit();
    },
  };
}
