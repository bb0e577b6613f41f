import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { systemSetting } from '../../db/schema/index.ts';

export const settingsRepository = {
  async get(db: Db, key: string): Promise<unknown | null> {
    const rows = await db.select().from(systemSetting).where(eq(systemSetting.key, key));
    return rows[0]?.value ?? null;
  },
  async put(db: Db, key: string, value: unknown): Promise<void> {
    await db
      .insert(systemSetting)
      .values({ key, value })
      .onConflictDoUpdate({ target: systemSetting.key, set: { value } });
  },
};
