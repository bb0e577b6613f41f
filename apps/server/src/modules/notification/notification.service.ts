import type { ListPage, Notification, NotificationQuery } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { cutPage, idCursor, pageWindow } from '../../platform/http/list-query.ts';
import { type NotificationInsert, type NotificationRow, notificationRepository as repo } from './notification.repository.ts';

export const presentNotification = (n: NotificationRow): Notification => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  entityType: n.entityType,
  entityId: n.entityId,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

/** Sends notifications inside the caller's transaction; rows with a dedupe key already sent are skipped. */
export async function notify(tx: Db, rows: NotificationInsert[]): Promise<NotificationRow[]> {
  return repo.insertDeduped(tx, rows);
}

/** One user's notifications are few and indexed by (user_id, id), so the total is always counted (the bell shows it). */
export async function listMine(db: Db, actor: Actor, q: NotificationQuery): Promise<ListPage<Notification>> {
  const w = pageWindow(q, 20);
  const afterId = idCursor(w.cursor);
  const [rows, total] = await Promise.all([
    repo.listOf(db, actor.userId!, { unreadOnly: q.unread, afterId, limit: w.size + 1, ascending: q.sort === 'id', offset: w.offset }),
    repo.countOf(db, actor.userId!, q.unread),
  ]);
  const { rows: page, nextCursor } = cutPage(rows, w, (last) => String(last.id));
  return { items: page.map(presentNotification), nextCursor, total, page: w.page, pageSize: w.size };
}

export async function unreadCount(db: Db, actor: Actor): Promise<{ count: number }> {
  return { count: await repo.countOf(db, actor.userId!, true) };
}

/** Marks one of the user's own notifications read; anyone else's is 404. Audited like every write. */
export async function markRead(db: Db, clock: Clock, actor: Actor, id: number): Promise<Notification> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const before = await repo.byIdOf(tx, id, actor.userId!);
    if (!before) throw notFound('通知');
    if (before.readAt) return presentNotification(before);
    const after = (await repo.markRead(tx, id, actor.userId!, now))!;
    await recordAudit(tx, actor, now, { action: 'notification.read', entityType: 'notification', entityId: id });
    return presentNotification(after);
  });
}

export async function markAllRead(db: Db, clock: Clock, actor: Actor): Promise<{ updated: number }> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const updated = await repo.markAllRead(tx, actor.userId!, now);
    if (updated) await recordAudit(tx, actor, now, { action: 'notification.read_all', entityType: 'notification', after: { updated } });
    return { updated };
  });
}
