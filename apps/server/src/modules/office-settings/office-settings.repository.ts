import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { officeDocumentSetting } from '../../db/schema/index.ts';

export type OfficeSettingRow = typeof officeDocumentSetting.$inferSelect;
export type OfficeSettingValues = Omit<OfficeSettingRow, 'regionCode' | 'version' | 'updatedBy' | 'updatedAt'>;

export const officeSettingsRepository = {
  async get(db: Db, regionCode: string): Promise<OfficeSettingRow | null> {
    const [r] = await db.select().from(officeDocumentSetting).where(eq(officeDocumentSetting.regionCode, regionCode));
    return r ?? null;
  },
  /** The first save: null when another save got there first (the caller answers 409). */
  async insertFirst(db: Db, regionCode: string, v: OfficeSettingValues, by: number | null, at: Date): Promise<OfficeSettingRow | null> {
    const [r] = await db
      .insert(officeDocumentSetting)
      .values({ regionCode, ...v, version: 1, updatedBy: by, updatedAt: at })
      .onConflictDoNothing({ target: officeDocumentSetting.regionCode })
      .returning();
    return r ?? null;
  },
  /** A later save, only over the version the user edited: null when it moved meanwhile. */
  async updateAt(db: Db, regionCode: string, version: number, v: OfficeSettingValues, by: number | null, at: Date): Promise<OfficeSettingRow | null> {
    const [r] = await db
      .update(officeDocumentSetting)
      .set({ ...v, version: version + 1, updatedBy: by, updatedAt: at })
      .where(and(eq(officeDocumentSetting.regionCode, regionCode), eq(officeDocumentSetting.version, version)))
      .returning();
    return r ?? null;
  },
};
