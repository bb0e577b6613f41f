import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rateLimitBucket } from '../../db/schema/index.ts';

export const rateLimitRepository = {
  /** Counts one hit and returns the window's count: one statement, so concurrent hits (any process) never lose one. */
  async hit(db: Db, key: string, windowStart: Date): Promise<number> {
    const [row] = await db
      .insert(rateLimitBucket)
      .values({ key, windowStart, count: 1 })
      .onConflictDoUpdate({ target: [rateLimitBucket.key, rateLimitBucket.windowStart], set: { count: sql`${rateLimitBucket.count} + 1` } })
      .returning({ count: rateLimitBucket.count });
    return row!.count;
  },
  /** Gives one hit back (a login that succeeded is not a failure). */
  async refund(db: Db, key: string, windowStart: Date): Promise<void> {
    await db
      .update(rateLimitBucket)
      .set({ count: sql`greatest(${rateLimitBucket.count} - 1, 0)` })
      .where(and(eq(rateLimitBucket.key, key), eq(rateLimitBucket.windowStart, windowStart)));
  },
  async sweep(db: Db, before: Date): Promise<number> {
    const rows = await db.delete(rateLimitBucket).where(lt(rateLimitBucket.windowStart, before)).returning({ key: rateLimitBucket.key });
    return rows.length;
  },
};
