import type { Writable } from 'node:stream';
import { JOINT_NOTICE_ACTION_LABELS, JOINT_NOTICE_ITEM_STATUS_LABELS, type JointNotice, type JointNoticeItem } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { primeBatches, type XlsxColumn, walkCursor, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { listNotices } from './joint-notice.service.ts';

/** One row per item (enterprise × action × department): what the office chases is the item, not the notice. */
interface Row {
  n: JointNotice;
  i: JointNoticeItem;
}

const COLUMNS: XlsxColumn<Row>[] = [
  { kind: 'number', header: '通知编号', value: (r) => r.n.id, format: '0', width: 8 },
  { kind: 'text', header: '文号', value: (r) => r.n.documentNo, width: 22 },
  { kind: 'date', header: '发文日期', value: (r) => r.n.issuedOn },
  { kind: 'coded', header: '发文区划代码', nameHeader: '发文区划', code: (r) => r.n.regionCode, name: (r) => r.n.regionName },
  { kind: 'text', header: '企业', value: (r) => r.i.enterpriseName, width: 30 },
  { kind: 'text', header: '统一社会信用代码', value: (r) => r.i.uscc, width: 20 },
  { kind: 'text', header: '通知事项', value: (r) => JOINT_NOTICE_ACTION_LABELS[r.i.action], width: 16 },
  { kind: 'text', header: '执行部门', value: (r) => r.i.agencyName, width: 24 },
  { kind: 'text', header: '状态', value: (r) => JOINT_NOTICE_ITEM_STATUS_LABELS[r.i.status], width: 8 },
  { kind: 'text', header: '逾期', value: (r) => (r.i.overdue ? '逾期' : ''), width: 6 },
  { kind: 'date', header: '办理期限', value: (r) => r.i.dueOn },
  { kind: 'date', header: '执行日期', value: (r) => r.i.executedOn },
  { kind: 'text', header: '执行文号', value: (r) => r.i.executionDocNo ?? '', width: 22 },
];

async function* itemRows(db: Db, clock: Clock, actor: Actor): AsyncGenerator<Row[]> {
  for await (const notices of walkCursor((cursor) => listNotices(db, clock, actor, { cursor, pageSize: 100, sort: '-id' }))) {
    yield notices.flatMap((n) => n.items.map((i) => ({ n, i })));
  }
}

/** The notices the list shows, item by item, as xlsx on the one helper (ADR 0014). */
export async function prepareNoticeExport(db: Db, clock: Clock, actor: Actor, today: string) {
  const batches = await primeBatches(itemRows(db, clock, actor));
  return {
    fileName: `到期联合通知-${today.replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '到期联合通知', columns: COLUMNS, batches }),
  };
}
