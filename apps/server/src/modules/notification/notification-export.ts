import type { Writable } from 'node:stream';
import { type FiltersOf, NOTIFICATION_KIND_LABELS, type Notification, type NotificationQuery } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { primeBatches, writeXlsxExport, type XlsxColumn } from '../../platform/documents/xlsx-export.ts';
import { notificationRepository as repo } from './notification.repository.ts';
import { presentNotification } from './notification.service.ts';

const COLUMNS: XlsxColumn<Notification>[] = [
  { kind: 'number', header: '编号', value: (n) => n.id, width: 8 },
  { kind: 'text', header: '类别', value: (n) => NOTIFICATION_KIND_LABELS[n.kind] ?? n.kind, width: 14 },
  { kind: 'text', header: '通知', value: (n) => n.title, width: 40 },
  { kind: 'text', header: '内容', value: (n) => n.body, width: 60 },
  { kind: 'datetime', header: '时间', value: (n) => n.createdAt },
  { kind: 'text', header: '状态', value: (n) => (n.readAt ? '已读' : '未读'), width: 8 },
  { kind: 'datetime', header: '阅读时间', value: (n) => n.readAt },
];

const BATCH = 500;

/** The user's own notifications under the list's filter, as xlsx: newest first, walked by the id keyset in batches. */
export async function prepareNotificationExport(db: Db, clock: Clock, actor: Actor, q: FiltersOf<NotificationQuery>) {
  async function* batches(): AsyncGenerator<Notification[]> {
    let afterId: number | null = null;
    for (;;) {
      const rows = await repo.listOf(db, actor.userId!, { unreadOnly: q.unread, afterId, limit: BATCH });
      if (rows.length) yield rows.map(presentNotification);
      if (rows.length < BATCH) return;
      afterId = rows.at(-1)!.id;
    }
  }
  const primed = await primeBatches(batches());
  return {
    fileName: `通知-${todayInChina(clock.now()).replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '通知', columns: COLUMNS, batches: primed }),
  };
}
