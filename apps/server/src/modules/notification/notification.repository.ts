import { and, asc, count, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notification } from '../../db/schema/index.ts';

export type NotificationRow = typeof notification.$inferSelect;
export type NotificationInsert = typeof notification.$inferInsert;

export const notificationRepository = {
  /**
   * Inserts notifications, skipping any whose dedupe key already exists (a sweep run twice, or two
   * sweeps at once, sends each reminder once). Returns the rows actually created.
   */
  async insertDeduped(db: Db, rows: NotificationInsert[]): Promise<NotificationRow[]> {
    if (rows.length === 0) return [];
    const out: NotificationRow[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      out.push(...(await db.insert(notification).values(rows.slice(i, i + 500)).onConflictDoNothing({ target: notification.dedupeKey }).returning()));
    }
    return out;
  },
  /**
   * The user's notifications by id, newest first unless `ascending`: after the id `afterId` in that direction
   * (keyset, what exports walk) or `offset` rows in (numbered pages). notification_user_idx serves both.
   */
  async listOf(
    db: Db,
    userId: number,
    opts: { unreadOnly: boolean; afterId: number | null; limit: number; ascending?: boolean; offset?: number },
  ): Promise<NotificationRow[]> {
    const { ascending = false, offset = 0 } = opts;
    return db
      .select()
      .from(notification)
      .where(
        and(
          eq(notification.userId, userId),
          opts.unreadOnly ? isNull(notification.readAt) : undefined,
          opts.afterId !== null ? (ascending ? gt : lt)(notification.id, opts.afterId) : undefined,
        ),
      )
      .orderBy(ascending ? asc(notification.id) : desc(notification.id))
      .limit(opts.limit)
      .offset(offset);
  },
  async countOf(db: Db, userId: number, unreadOnly: boolean): Promise<number> {
    const [r] = await db
      .select({ n: count() })
      .from(notification)
      .where(and(eq(notification.userId, userId), unreadOnly ? isNull(notification.readAt) : undefined));
    return Number(r!.n);
  },
  async byIdOf(db: Db, id: number, userId: number): Promise<NotificationRow | null> {
    const rows = await db.select().from(notification).where(and(eq(notification.id, id), eq(notification.userId, userId)));
    return rows[0] ?? null;
  },
  async markRead(db: Db, id: number, userId: number, at: Date): Promise<NotificationRow | null> {
    const [r] = await db
      .update(notification)
      .set({ readAt: sql`coalesce(${notification.readAt}, ${at.toISOString()}::timestamptz)` })
      .where(and(eq(notification.id, id), eq(notification.userId, userId)))
      .returning();
    return r ?? null;
  },
  async markAllRead(db: Db, userId: number, at: Date): Promise<number> {
    const rows = await db
      .update(notification)
      .set({ readAt: at })
      .where(and(eq(notification.userId, userId), isNull(notification.readAt)))
      .returning({ id: notification.id });
    return rows.length;
  },
};
