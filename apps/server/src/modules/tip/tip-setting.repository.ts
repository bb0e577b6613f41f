import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { tipSetting } from '../../db/schema/index.ts';

export const tipSettingRepository = {
  async deadlineDays(db: Db, regionCode: string): Promise<number | null> {
    const [row] = await db.select({ days: tipSetting.deadlineWorkingDays }).from(tipSetting).where(eq(tipSetting.regionCode, regionCode));
    return row?.days ?? null;
  },
  async save(db: Db, regionCode: string, days: number, userId: number | null, at: Date): Promise<void> {
    await db
      .insert(tipSetting)
      .values({ regionCode, deadlineWorkingDays: days, updatedBy: userId, updatedAt: at })
      .onConflictDoUpdate({ target: tipSetting.regionCode, set: { deadlineWorkingDays: days, updatedBy: userId, updatedAt: at } });
  },
};
