import { and, asc, count, desc, eq, gt, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appUser, capacityUnit, documentNumberSequence, enterprise, exitTask, inspectionRecord, inspectionRound, line, region, storedFile } from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';

export type RoundRow = typeof inspectionRound.$inferSelect;
export type RoundInsert = typeof inspectionRound.$inferInsert;
export type RecordRow = typeof inspectionRecord.$inferSelect;
export type RecordInsert = typeof inspectionRecord.$inferInsert;

/** The enterprise column that holds a region's code for enterprises in its subtree. */
export type SubtreeColumn = Exclude<ScopeColumn, 'all'>;
const ENTERPRISE_COLUMNS = {
  provinceCode: enterprise.provinceCode,
  prefectureCode: enterprise.prefectureCode,
  countyCode: enterprise.countyCode,
  townshipCode: enterprise.townshipCode,
} as const;

/** A region subtree as a condition on region rows (a township or park is its own subtree). */
const regionUnder = (column: SubtreeColumn, code: string): SQL => (column === 'townshipCode' ? eq(region.code, code) : eq(region[column], code));

/** The round list's filters: the actor's subtree (null: everyone), a region's subtree, the year, the status. */
export interface RoundListFilter {
  scope: { column: SubtreeColumn; code: string } | null;
  region?: { column: SubtreeColumn; code: string };
  year?: number;
  status?: string;
}

function roundConditions(f: RoundListFilter): SQL | undefined {
  return and(
    f.scope ? regionUnder(f.scope.column, f.scope.code) : undefined,
    f.region ? regionUnder(f.region.column, f.region.code) : undefined,
    f.year === undefined ? undefined : eq(inspectionRound.year, f.year),
    f.status ? eq(inspectionRound.status, f.status) : undefined,
  );
}

const recordColumns = {
  record: inspectionRecord,
  enterpriseName: enterprise.name,
  uscc: enterprise.uscc,
  enterpriseRegionCode: enterprise.regionCode,
  signedFile: storedFile,
};
export type RecordView = { record: RecordRow; enterpriseName: string; uscc: string; enterpriseRegionCode: string; signedFile: typeof storedFile.$inferSelect | null };

const taskLineColumns = {
  taskId: exitTask.id,
  enterpriseId: exitTask.enterpriseId,
  lineId: line.id,
  lineName: line.name,
  specification: line.specification,
  capacity: line.capacity,
  unitName: capacityUnit.name,
};

function taskLines(db: Db) {
  return db
    .select(taskLineColumns)
    .from(exitTask)
    .innerJoin(line, eq(line.id, exitTask.lineId))
    .innerJoin(capacityUnit, eq(capacityUnit.code, line.capacityUnit))
    .innerJoin(enterprise, eq(enterprise.id, exitTask.enterpriseId));
}
export type TaskLineRow = Awaited<ReturnType<typeof taskLines>>[number];

export const inspectionRepository = {
  /** The round's lifecycle table, for platform/lifecycle's guarded update. */
  roundTable: inspectionRound,
  /** The record's lifecycle table (pending → concluded). */
  recordTable: inspectionRecord,
  async insertRound(db: Db, row: RoundInsert): Promise<RoundRow> {
    const [r] = await db.insert(inspectionRound).values(row).returning();
    return r!;
  },
  async roundById(db: Db, id: number): Promise<RoundRow | null> {
    const rows = await db.select().from(inspectionRound).where(eq(inspectionRound.id, id));
    return rows[0] ?? null;
  },
  /** The display name of the round's leader account (shown beside the team; a disabled account too). */
  async accountName(db: Db, id: number): Promise<string | null> {
    const [r] = await db.select({ name: appUser.displayName }).from(appUser).where(eq(appUser.id, id));
    return r?.name ?? null;
  },
  /**
   * One page of rounds in round-number order (the primary key serves both directions): after the id
   * `afterId` (keyset, what exports walk) or `offset` rows in (numbered pages, bounded by MAX_OFFSET).
   */
  async roundPage(db: Db, f: RoundListFilter, at: { afterId: number | null; descending: boolean; offset?: number }, limit: number) {
    const { afterId, descending, offset = 0 } = at;
    return db
      .select({ round: inspectionRound, regionName: region.name, leaderAccountName: appUser.displayName })
      .from(inspectionRound)
      .innerJoin(region, eq(region.code, inspectionRound.regionCode))
      .leftJoin(appUser, eq(appUser.id, inspectionRound.leaderUserId))
      .where(and(roundConditions(f), afterId === null ? undefined : (descending ? lt : gt)(inspectionRound.id, afterId)))
      .orderBy(descending ? desc(inspectionRound.id) : asc(inspectionRound.id))
      .limit(limit)
      .offset(offset);
  },
  async roundCount(db: Db, f: RoundListFilter): Promise<number> {
    const [r] = await db.select({ n: count() }).from(inspectionRound).innerJoin(region, eq(region.code, inspectionRound.regionCode)).where(roundConditions(f));
    return r?.n ?? 0;
  },
  /** Records and concluded records per round, for the list. */
  async recordCounts(db: Db, roundIds: number[]) {
    if (roundIds.length === 0) return [];
    return db
      .select({
        roundId: inspectionRecord.roundId,
        total: sql<number>`count(*)::int`,
        concluded: sql<number>`(count(*) filter (where ${inspectionRecord.status} = 'concluded'))::int`,
      })
      .from(inspectionRecord)
      .where(inArray(inspectionRecord.roundId, roundIds))
      .groupBy(inspectionRecord.roundId);
  },
  /** Changes a round only if its version still matches (and, optionally, it is still at `status`). */
  async updateRound(db: Db, id: number, version: number, set: Partial<RoundInsert>, status?: string): Promise<RoundRow | null> {
    const [r] = await db
      .update(inspectionRound)
      .set({ ...set, version: sql`${inspectionRound.version} + 1` })
      .where(and(eq(inspectionRound.id, id), eq(inspectionRound.version, version), status ? eq(inspectionRound.status, status) : undefined))
      .returning();
    return r ?? null;
  },

  recordViews(db: Db, where: SQL): Promise<RecordView[]> {
    return db
      .select(recordColumns)
      .from(inspectionRecord)
      .innerJoin(enterprise, eq(enterprise.id, inspectionRecord.enterpriseId))
      .leftJoin(storedFile, eq(storedFile.id, inspectionRecord.opinionSignedFileId))
      .where(where)
      .orderBy(asc(inspectionRecord.id));
  },
  recordsOfRound(db: Db, roundId: number) {
    return this.recordViews(db, eq(inspectionRecord.roundId, roundId));
  },
  async recordOfRound(db: Db, roundId: number, recordId: number): Promise<RecordView | null> {
    const rows = await this.recordViews(db, and(eq(inspectionRecord.roundId, roundId), eq(inspectionRecord.id, recordId))!);
    return rows[0] ?? null;
  },
  /** Locks the record row so number assignment and signing see one state. */
  async lockRecord(db: Db, id: number): Promise<RecordRow | null> {
    const rows = await db.select().from(inspectionRecord).where(eq(inspectionRecord.id, id)).for('update');
    return rows[0] ?? null;
  },
  async insertRecords(db: Db, rows: RecordInsert[]): Promise<RecordRow[]> {
    if (rows.length === 0) return [];
    return db.insert(inspectionRecord).values(rows).returning();
  },
  /** Which of these enterprises are already under an open inspection (in any round). */
  async pendingEnterprises(db: Db, enterpriseIds: number[]): Promise<{ enterpriseId: number; roundId: number }[]> {
    if (enterpriseIds.length === 0) return [];
    return db
      .select({ enterpriseId: inspectionRecord.enterpriseId, roundId: inspectionRecord.roundId })
      .from(inspectionRecord)
      .where(and(inArray(inspectionRecord.enterpriseId, enterpriseIds), eq(inspectionRecord.status, 'pending')));
  },
  /** Updates a record only while its version matches and it is at `status`: the loser of a race finds no row. */
  async updateRecord(db: Db, id: number, version: number, status: string, set: Partial<RecordInsert>): Promise<RecordRow | null> {
    const [r] = await db
      .update(inspectionRecord)
      .set({ ...set, version: sql`${inspectionRecord.version} + 1` })
      .where(and(eq(inspectionRecord.id, id), eq(inspectionRecord.version, version), eq(inspectionRecord.status, status)))
      .returning();
    return r ?? null;
  },
  async deletePendingRecord(db: Db, id: number, version: number): Promise<boolean> {
    const rows = await db
      .delete(inspectionRecord)
      .where(and(eq(inspectionRecord.id, id), eq(inspectionRecord.version, version), eq(inspectionRecord.status, 'pending')))
      .returning({ id: inspectionRecord.id });
    return rows.length > 0;
  },

  /** Exit tasks awaiting acceptance, with their lines, for enterprises in a subtree (candidates) or given enterprises. */
  awaitingAcceptance(db: Db, f: { subtree?: { column: SubtreeColumn; code: string }; enterpriseIds?: number[] }) {
    return taskLines(db)
      .where(
        and(
          eq(exitTask.status, 'acceptance_requested'),
          f.subtree ? eq(ENTERPRISE_COLUMNS[f.subtree.column], f.subtree.code) : undefined,
          f.enterpriseIds ? inArray(exitTask.enterpriseId, f.enterpriseIds.length ? f.enterpriseIds : [-1]) : undefined,
        ),
      )
      .orderBy(asc(exitTask.enterpriseId), asc(exitTask.id))
      .limit(5000);
  },
  async enterprisesByIds(db: Db, ids: number[]) {
    if (ids.length === 0) return [];
    return db
      .select({ id: enterprise.id, name: enterprise.name, uscc: enterprise.uscc, regionCode: enterprise.regionCode })
      .from(enterprise)
      .where(inArray(enterprise.id, ids))
      .orderBy(asc(enterprise.id));
  },

  /**
   * The next number of a document kind for a region's office in a year. The upsert is one statement,
   * so two generations at once get two different numbers.
   */
  async nextDocumentNumber(db: Db, regionCode: string, year: number, kind: string): Promise<number> {
    const [r] = await db
      .insert(documentNumberSequence)
      .values({ regionCode, year, kind, lastNumber: 1 })
      .onConflictDoUpdate({
        target: [documentNumberSequence.regionCode, documentNumberSequence.year, documentNumberSequence.kind],
        set: { lastNumber: sql`${documentNumberSequence.lastNumber} + 1` },
      })
      .returning({ n: documentNumberSequence.lastNumber });
    return r!.n;
  },
  async setOpinionNumber(db: Db, id: number, number: string, at: Date): Promise<void> {
    await db
      .update(inspectionRecord)
      .set({ opinionNumber: number, opinionStatus: 'drafted', updatedAt: at, version: sql`${inspectionRecord.version} + 1` })
      .where(and(eq(inspectionRecord.id, id), sql`${inspectionRecord.opinionNumber} is null`));
  },
  /** drafted → signed only from drafted: of two concurrent uploads one wins. */
  async markOpinionSigned(db: Db, id: number, fileId: number, at: Date): Promise<boolean> {
    const rows = await db
      .update(inspectionRecord)
      .set({ opinionStatus: 'signed', opinionSignedFileId: fileId, opinionSignedAt: at, updatedAt: at, version: sql`${inspectionRecord.version} + 1` })
      .where(and(eq(inspectionRecord.id, id), eq(inspectionRecord.opinionStatus, 'drafted')))
      .returning({ id: inspectionRecord.id });
    return rows.length > 0;
  },
};
