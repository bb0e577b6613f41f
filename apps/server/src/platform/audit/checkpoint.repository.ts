import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditCheckpoint } from '../../db/schema/index.ts';

export type CheckpointRow = typeof auditCheckpoint.$inferSelect;

export const checkpointRepository = {
  /** The id is taken first so the checkpoint's own audit entry can name it and still be covered by it. */
  async nextId(db: Db): Promise<number> {
    const r = await db.execute(sql`SELECT nextval(pg_get_serial_sequence('audit_checkpoint', 'id')) AS id`);
    return Number((r as unknown as { rows: { id: string | number }[] }).rows[0]!.id);
  },
  async insert(db: Db, row: CheckpointRow): Promise<void> {
    await db.insert(auditCheckpoint).values(row);
  },
  async newest(db: Db): Promise<CheckpointRow | null> {
    const rows = await db.select().from(auditCheckpoint).orderBy(desc(auditCheckpoint.id)).limit(1);
    return rows[0] ?? null;
  },
  async newestOfKindSince(db: Db, kind: string, since: Date): Promise<CheckpointRow | null> {
    const rows = await db
      .select()
      .from(auditCheckpoint)
      .where(and(eq(auditCheckpoint.kind, kind), gte(auditCheckpoint.takenAt, since)))
      .orderBy(desc(auditCheckpoint.id))
      .limit(1);
    return rows[0] ?? null;
  },
  /** One a day plus one per passing verification: a few thousand rows after years. */
  async all(db: Db): Promise<CheckpointRow[]> {
    return db.select().from(auditCheckpoint).orderBy(asc(auditCheckpoint.id));
  },
};
