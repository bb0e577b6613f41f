import type { Writable } from 'node:stream';
import { PRICE_DELIVERY_STATUS_LABELS, PRICE_MEASURE_KIND_LABELS, type PriceDelivery, type PriceDeliveryFilterQuery } from '@taotai/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { primeBatches, type XlsxColumn, walkCursor, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { listDeliveries } from './price-measure.service.ts';

const COLUMNS: XlsxColumn<PriceDelivery>[] = [
  { kind: 'number', header: '编号', value: (d) => d.id, format: '0', width: 8 },
  { kind: 'text', header: '企业', value: (d) => d.enterpriseName, width: 30 },
  { kind: 'text', header: '统一社会信用代码', value: (d) => d.uscc, width: 20 },
  { kind: 'coded', header: '区划代码', nameHeader: '区划', code: (d) => d.regionCode, name: (d) => d.regionName },
  { kind: 'text', header: '措施', value: (d) => PRICE_MEASURE_KIND_LABELS[d.kind], width: 14 },
  { kind: 'number', header: '加价（元/千瓦时）', value: (d) => d.surchargePerKwh, format: '0.0000', width: 12 },
  { kind: 'text', header: '接收单位', value: (d) => d.recipientName, width: 24 },
  { kind: 'text', header: '状态', value: (d) => PRICE_DELIVERY_STATUS_LABELS[d.status], width: 8 },
  { kind: 'text', header: '逾期', value: (d) => (d.overdue ? '逾期' : ''), width: 6 },
  { kind: 'datetime', header: '送达时间', value: (d) => d.sentAt },
  { kind: 'date', header: '办理期限', value: (d) => d.dueOn },
  { kind: 'text', header: '执行措施', value: (d) => d.appliedMeasure ?? '', width: 30 },
  { kind: 'date', header: '执行日期', value: (d) => d.effectiveOn },
  { kind: 'date', header: '解除日期', value: (d) => d.removedOn },
  { kind: 'text', header: '解除原因', value: (d) => d.removalReason ?? '', width: 24 },
];

/** The deliveries the list shows under the same filters, as xlsx on the one helper (ADR 0014). */
export async function prepareDeliveryExport(db: Db, clock: Clock, actor: Actor, q: z.infer<typeof PriceDeliveryFilterQuery>, today: string) {
  const batches = await primeBatches(walkCursor((cursor) => listDeliveries(db, clock, actor, { ...q, cursor, pageSize: 200, sort: '-id' })));
  return {
    fileName: `价格信贷措施-${today.replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '价格信贷措施', columns: COLUMNS, batches }),
  };
}
