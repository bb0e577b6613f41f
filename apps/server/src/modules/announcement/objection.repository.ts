import { and, asc, eq, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { announcement, announcementObjection } from '../../db/schema/index.ts';

/** Objection statements about sealing and the to-do (the rest of the objection SQL is in announcement.repository.ts). */
export const objectionRepository = {
  /** The lifecycle table runTransition moves (status, version). */
  table: announcementObjection,
  /** Rows that still hold a phone or address in clear (filed before sealing, issue 9). */
  legacyClear(db: Db, limit: number) {
    return db
      .select({ id: announcementObjection.id, phone: announcementObjection.legacyPhone, ip: announcementObjection.legacyIp })
      .from(announcementObjection)
      .where(or(isNotNull(announcementObjection.legacyPhone), isNotNull(announcementObjection.legacyIp)))
      .orderBy(asc(announcementObjection.id))
      .limit(limit);
  },
  /** Replaces the clear values by their sealed forms; only if they are still the ones read (idempotent). */
  async sealLegacy(tx: Db, id: number, set: { phoneSealed: string | null; phoneHash: string | null; ipHash: string | null }): Promise<boolean> {
    const rows = await tx
      .update(announcementObjection)
      .set({ ...set, legacyPhone: null, legacyIp: null })
      .where(and(eq(announcementObjection.id, id), sql`(${announcementObjection.legacyPhone} IS NOT NULL OR ${announcementObjection.legacyIp} IS NOT NULL)`))
      .returning({ id: announcementObjection.id });
    return rows.length > 0;
  },
  /** Objections not yet answered, with their announcement (never the objector's name or phone), oldest first. */
  awaitingAnswer(db: Db, f: { regionCode: string | null; id?: number }, limit: number) {
    const where: SQL | undefined = and(
      f.id === undefined ? isNull(announcementObjection.answeredAt) : eq(announcementObjection.id, f.id),
      f.regionCode === null ? undefined : eq(announcement.regionCode, f.regionCode),
    );
    return db
      .select({
        id: announcementObjection.id,
        answeredAt: announcementObjection.answeredAt,
        receiptCode: announcementObjection.receiptCode,
        filedAt: announcementObjection.filedAt,
        announcementId: announcement.id,
        title: announcement.title,
        regionCode: announcement.regionCode,
      })
      .from(announcementObjection)
      .innerJoin(announcement, eq(announcement.id, announcementObjection.announcementId))
      .where(where)
      .orderBy(asc(announcementObjection.filedAt), asc(announcementObjection.id))
      .limit(limit);
  },
};
