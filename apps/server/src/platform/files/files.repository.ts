import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { storedFile } from '../../db/schema/index.ts';

export type StoredFileRow = typeof storedFile.$inferSelect;

export const filesRepository = {
  async insert(db: Db, row: typeof storedFile.$inferInsert): Promise<StoredFileRow> {
    const [r] = await db.insert(storedFile).values(row).returning();
    return r!;
  },
  async byId(db: Db, id: number): Promise<StoredFileRow | null> {
    const rows = await db.select().from(storedFile).where(eq(storedFile.id, id));
    return rows[0] ?? null;
  },
};
