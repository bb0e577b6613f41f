import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { filing, filingRequirement, filingTarget, siteVerification, siteVerificationItem, storedFile } from '../../db/schema/index.ts';

export type FilingRow = typeof filing.$inferSelect;
export type FilingInsert = typeof filing.$inferInsert;

/** A filing with what its to-do item names: the requirement (title, issuer) and the filer. */
const awaitingColumns = {
  filing,
  title: filingRequirement.title,
  issuerRegionCode: filingRequirement.issuerRegionCode,
  targetRegionCode: filingTarget.regionCode,
  targetAgencyId: filingTarget.agencyId,
  filerName: filingTarget.name,
};

export const filingRepository = {
  /** The lifecycle table runTransition moves (status, version). */
  table: filing,
  /** Filings in `statuses` of requirements issued by `issuerRegionCode` (null: any issuer), oldest first. */
  awaiting(db: Db, issuerRegionCode: string | null, statuses: string[], limit: number) {
    return db
      .select(awaitingColumns)
      .from(filing)
      .innerJoin(filingRequirement, eq(filingRequirement.id, filing.requirementId))
      .innerJoin(filingTarget, eq(filingTarget.id, filing.targetId))
      .where(and(inArray(filing.status, statuses), issuerRegionCode === null ? undefined : eq(filingRequirement.issuerRegionCode, issuerRegionCode)))
      .orderBy(asc(filing.updatedAt), asc(filing.id))
      .limit(limit);
  },
  async awaitingById(db: Db, id: number) {
    const rows = await db
      .select(awaitingColumns)
      .from(filing)
      .innerJoin(filingRequirement, eq(filingRequirement.id, filing.requirementId))
      .innerJoin(filingTarget, eq(filingTarget.id, filing.targetId))
      .where(eq(filing.id, id));
    return rows[0] ?? null;
  },
  async byId(db: Db, id: number): Promise<FilingRow | null> {
    const rows = await db.select().from(filing).where(eq(filing.id, id));
    return rows[0] ?? null;
  },
  async find(db: Db, requirementId: number, periodKey: string, targetId: number): Promise<FilingRow | null> {
    const rows = await db
      .select()
      .from(filing)
      .where(and(eq(filing.requirementId, requirementId), eq(filing.periodKey, periodKey), eq(filing.targetId, targetId)));
    return rows[0] ?? null;
  },
  async ofRequirements(db: Db, requirementIds: number[], periodKey?: string): Promise<FilingRow[]> {
    if (requirementIds.length === 0) return [];
    return db
      .select()
      .from(filing)
      .where(and(inArray(filing.requirementId, requirementIds), periodKey ? eq(filing.periodKey, periodKey) : undefined))
      .orderBy(asc(filing.id));
  },
  /** Filings of (requirement, period) pairs: each requirement's current period in a list. */
  async forPeriods(db: Db, pairs: { requirementId: number; periodKey: string }[]): Promise<FilingRow[]> {
    if (pairs.length === 0) return [];
    const list = sql.join(
      pairs.map((p) => sql`(${p.requirementId}::int, ${p.periodKey}::text)`),
      sql`, `,
    );
    return db.select().from(filing).where(sql`(${filing.requirementId}, ${filing.periodKey}) IN (${list})`);
  },
  async ofTargets(db: Db, targetIds: number[]): Promise<FilingRow[]> {
    if (targetIds.length === 0) return [];
    return db.select().from(filing).where(inArray(filing.targetId, targetIds)).orderBy(asc(filing.id));
  },
  async insert(db: Db, row: FilingInsert): Promise<FilingRow> {
    const [r] = await db.insert(filing).values(row).returning();
    return r!;
  },
  async storedFiles(db: Db, ids: number[]) {
    if (ids.length === 0) return [];
    return db.select().from(storedFile).where(inArray(storedFile.id, ids)).orderBy(asc(storedFile.id));
  },
  /** Filings that attach a stored file, directly or as a site-verification photo. */
  async filingsUsingFile(db: Db, fileId: number): Promise<number[]> {
    const one = sql`${JSON.stringify([fileId])}::jsonb`;
    const direct = await db.select({ id: filing.id }).from(filing).where(sql`${filing.fileIds} @> ${one}`);
    const photos = await db
      .select({ id: siteVerification.filingId })
      .from(siteVerificationItem)
      .innerJoin(siteVerification, eq(siteVerification.id, siteVerificationItem.verificationId))
      .where(sql`${siteVerificationItem.fileIds} @> ${one}`);
    return [...new Set([...direct, ...photos].map((r) => r.id))];
  },
  /** Ids among `ids` that are stored files uploaded by the user (attachments must be the filer's own uploads). */
  async ownFiles(db: Db, ids: number[], userId: number): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .select({ id: storedFile.id })
      .from(storedFile)
      .where(and(inArray(storedFile.id, ids), eq(storedFile.uploadedBy, userId)));
    return new Set(rows.map((r) => r.id));
  },
  /** Filings whose due date is provisional (暂定), with their requirement (to count the due date again). */
  provisional(db: Db) {
    return db.select({ f: filing, req: filingRequirement }).from(filing).innerJoin(filingRequirement, eq(filingRequirement.id, filing.requirementId)).where(eq(filing.dueProvisional, true));
  },
  async setDue(db: Db, id: number, set: Pick<FilingInsert, 'dueDate' | 'dueProvisional' | 'lateWorkingDays'>): Promise<void> {
    await db.update(filing).set(set).where(and(eq(filing.id, id), eq(filing.dueProvisional, true)));
  },
};
