import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  announcement,
  announcementItem,
  announcementObjection,
  capacityUnit,
  eliminationPlan,
  eliminationPlanLine,
  enterprise,
  exitTask,
  line,
  region,
} from '../../db/schema/index.ts';
import { PUBLIC_STATUSES } from './announcement.machine.ts';

export type AnnouncementRow = typeof announcement.$inferSelect;
export type AnnouncementInsert = typeof announcement.$inferInsert;
export type ItemRow = typeof announcementItem.$inferSelect;
export type ItemInsert = typeof announcementItem.$inferInsert;
export type ObjectionRow = typeof announcementObjection.$inferSelect;
export type AnnouncementView = AnnouncementRow & { regionName: string };

/** Enterprises below an issuing region: one equality on the enterprise's denormalised ancestor column. */
export type EnterpriseColumn = 'provinceCode' | 'prefectureCode' | 'countyCode';

const view = { a: announcement, regionName: sql<string>`coalesce(${region.name}, ${announcement.regionCode})` };
const toView = (r: { a: AnnouncementRow; regionName: string }): AnnouncementView => ({ ...r.a, regionName: r.regionName });
const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

/** Issuing region is `code` or lies below it (region filter on the public site and the office list). */
const regionUnder = (code: string) =>
  or(eq(announcement.regionCode, code), eq(region.provinceCode, code), eq(region.prefectureCode, code), eq(region.countyCode, code))!;

/** A public notice whose notice period has not ended stays "current" even if a newer list archived it. */
const noticeOngoing = (today: string) => and(eq(announcement.form, 'public_notice'), sql`${announcement.noticeEndDate} >= ${today}`)!;
const currentSql = (today: string) => or(eq(announcement.status, 'published'), and(eq(announcement.status, 'archived'), noticeOngoing(today)))!;
const archivedSql = (today: string) => and(eq(announcement.status, 'archived'), sql`not (${noticeOngoing(today)})`)!;

/** The columns a source row needs to become a snapshot item. */
const sourceColumns = {
  enterpriseName: enterprise.name,
  uscc: enterprise.uscc,
  regionCode: enterprise.regionCode,
  regionFullName: sql<string>`coalesce(${region.fullName}, ${enterprise.regionCode})`,
  lineName: line.name,
  specification: line.specification,
  capacity: line.capacity,
  capacityUnit: line.capacityUnit,
  unitName: sql<string>`coalesce(${capacityUnit.name}, ${line.capacityUnit})`,
};

function taskSources(db: Db) {
  return db
    .select({
      ...sourceColumns,
      taskId: exitTask.id,
      seal: exitTask.seal,
      dismantleDeadline: exitTask.dismantleDeadline,
      acceptedAt: sql<Date | string | null>`(SELECT max(h.at) FROM lifecycle_history h WHERE h.entity_type = 'exit_task' AND h.entity_id = ${exitTask.id} AND h.event = 'accept')`,
    })
    .from(exitTask)
    .innerJoin(line, eq(line.id, exitTask.lineId))
    .innerJoin(enterprise, eq(enterprise.id, exitTask.enterpriseId))
    .innerJoin(eliminationPlan, eq(eliminationPlan.id, exitTask.planId))
    .leftJoin(region, eq(region.code, enterprise.regionCode))
    .leftJoin(capacityUnit, eq(capacityUnit.code, line.capacityUnit))
    .$dynamic();
}

export type TaskSource = Awaited<ReturnType<typeof taskSources>>[number];

export interface AnnouncementListFilter {
  scope: SQL | undefined;
  region?: string;
  kind?: string;
  status?: string;
  year?: number;
}

const listWhere = (f: AnnouncementListFilter) =>
  and(
    f.scope,
    f.region ? regionUnder(f.region) : undefined,
    f.kind ? eq(announcement.kind, f.kind) : undefined,
    f.status ? eq(announcement.status, f.status) : undefined,
    f.year === undefined ? undefined : eq(announcement.year, f.year),
  );

export const announcementRepository = {
  /** The lifecycle's table, for platform/lifecycle's guarded update. */
  table: announcement,
  async viewById(db: Db, id: number): Promise<AnnouncementView | null> {
    const rows = await db.select(view).from(announcement).leftJoin(region, eq(region.code, announcement.regionCode)).where(eq(announcement.id, id));
    return rows[0] ? toView(rows[0]) : null;
  },
  async byIdForUpdate(db: Db, id: number): Promise<AnnouncementRow | null> {
    const rows = await db.select().from(announcement).where(eq(announcement.id, id)).for('update');
    return rows[0] ?? null;
  },
  /** One numbered page by id (the primary key), newest first unless `ascending`. */
  async list(db: Db, f: AnnouncementListFilter, page: { offset: number; limit: number; ascending?: boolean }): Promise<AnnouncementView[]> {
    const rows = await db
      .select(view)
      .from(announcement)
      .leftJoin(region, eq(region.code, announcement.regionCode))
      .where(listWhere(f))
      .orderBy(page.ascending ? asc(announcement.id) : desc(announcement.id))
      .limit(page.limit)
      .offset(page.offset);
    return rows.map(toView);
  },
  async count(db: Db, f: AnnouncementListFilter): Promise<number> {
    // The scope filter names the joined region's columns, as in `list`.
    const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(announcement).leftJoin(region, eq(region.code, announcement.regionCode)).where(listWhere(f));
    return Number(r?.n ?? 0);
  },
  async insert(tx: Db, row: AnnouncementInsert): Promise<AnnouncementRow> {
    const [r] = await tx.insert(announcement).values(row).returning();
    return r!;
  },
  async insertItems(tx: Db, rows: ItemInsert[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(announcementItem).values(rows.slice(i, i + 500));
  },
  items(db: Db, announcementId: number): Promise<ItemRow[]> {
    return db.select().from(announcementItem).where(eq(announcementItem.announcementId, announcementId)).orderBy(asc(announcementItem.seq));
  },
  async itemCounts(db: Db, ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: announcementItem.announcementId, n: count() })
      .from(announcementItem)
      .where(inArray(announcementItem.announcementId, ids))
      .groupBy(announcementItem.announcementId);
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  },
  async objectionCounts(db: Db, ids: number[]): Promise<Map<number, { total: number; unanswered: number }>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({
        id: announcementObjection.announcementId,
        total: count(),
        unanswered: sql<number>`count(*) FILTER (WHERE ${announcementObjection.answeredAt} IS NULL)`,
      })
      .from(announcementObjection)
      .where(inArray(announcementObjection.announcementId, ids))
      .groupBy(announcementObjection.announcementId);
    return new Map(rows.map((r) => [r.id, { total: Number(r.total), unanswered: Number(r.unanswered) }]));
  },
  async updateIfVersion(tx: Db, id: number, version: number, set: Partial<AnnouncementInsert>): Promise<AnnouncementRow | null> {
    const [r] = await tx
      .update(announcement)
      .set({ ...set, version: sql`${announcement.version} + 1` })
      .where(and(eq(announcement.id, id), eq(announcement.version, version)))
      .returning();
    return r ?? null;
  },
  /** Archives the published lists of the same region and kind that `newer` replaces. */
  archiveSuperseded(tx: Db, newer: AnnouncementRow, at: Date) {
    return tx
      .update(announcement)
      .set({ status: 'archived', archivedAt: at, supersededBy: newer.id, updatedAt: at, version: sql`${announcement.version} + 1` })
      .where(
        and(
          eq(announcement.regionCode, newer.regionCode),
          eq(announcement.kind, newer.kind),
          eq(announcement.status, 'published'),
          sql`${announcement.id} <> ${newer.id}`,
        ),
      )
      .returning({ id: announcement.id, title: announcement.title });
  },

  // --- Sources a list is built from (read-only use of the plan and exit-task tables) ---

  async plan(db: Db, id: number) {
    const rows = await db.select().from(eliminationPlan).where(eq(eliminationPlan.id, id));
    return rows[0] ?? null;
  },
  planLines(db: Db, planId: number) {
    return db.select().from(eliminationPlanLine).where(eq(eliminationPlanLine.planId, planId)).orderBy(asc(eliminationPlanLine.id));
  },
  /** Tasks sealed (or further along) whose seal facts and signed public commitment are on file. */
  sealedSources(db: Db, column: EnterpriseColumn, code: string, year: number) {
    return taskSources(db)
      .where(
        and(
          eq(enterprise[column], code),
          eq(eliminationPlan.year, year),
          sql`${exitTask.seal} IS NOT NULL`,
          inArray(exitTask.status, ['sealed', 'dismantled', 'acceptance_requested', 'rejected', 'accepted']),
          sql`EXISTS (SELECT 1 FROM exit_task_evidence ev WHERE ev.task_id = ${exitTask.id} AND ev.kind = 'commitment_scan')`,
        ),
      )
      .orderBy(asc(enterprise.regionCode), asc(enterprise.name), asc(line.id));
  },
  /** Tasks accepted by the joint inspection (验收合格). */
  completedSources(db: Db, column: EnterpriseColumn, code: string, year: number) {
    return taskSources(db)
      .where(and(eq(enterprise[column], code), eq(eliminationPlan.year, year), eq(exitTask.status, 'accepted')))
      .orderBy(asc(enterprise.regionCode), asc(enterprise.name), asc(line.id));
  },

  // --- Public site ---

  async publicById(db: Db, id: number): Promise<AnnouncementView | null> {
    const rows = await db
      .select(view)
      .from(announcement)
      .leftJoin(region, eq(region.code, announcement.regionCode))
      .where(and(eq(announcement.id, id), inArray(announcement.status, [...PUBLIC_STATUSES])));
    return rows[0] ? toView(rows[0]) : null;
  },
  async publicList(db: Db, f: { tab: 'current' | 'archived'; today: string; region?: string; kind?: string; q?: string; offset: number; limit: number }) {
    const matchesQ = f.q
      ? or(
          sql`${announcement.title} LIKE ${likeOf(f.q)}`,
          sql`EXISTS (SELECT 1 FROM announcement_item i WHERE i.announcement_id = ${announcement.id}
                AND (i.enterprise_name LIKE ${likeOf(f.q)} OR i.line_name LIKE ${likeOf(f.q)} OR i.uscc = ${f.q}))`,
        )
      : undefined;
    const where = and(
      f.tab === 'current' ? currentSql(f.today) : archivedSql(f.today),
      f.region ? regionUnder(f.region) : undefined,
      f.kind ? eq(announcement.kind, f.kind) : undefined,
      matchesQ,
    );
    const [rows, total] = await Promise.all([
      db
        .select(view)
        .from(announcement)
        .leftJoin(region, eq(region.code, announcement.regionCode))
        .where(where)
        .orderBy(desc(announcement.publishedAt), desc(announcement.id))
        .limit(f.limit)
        .offset(f.offset),
      db.select({ n: count() }).from(announcement).leftJoin(region, eq(region.code, announcement.regionCode)).where(where),
    ]);
    return { rows: rows.map(toView), total: Number(total[0]?.n ?? 0) };
  },
  /** Listed lines matching a name or USCC, across everything ever published. */
  publicSearch(db: Db, f: { q: string; region?: string; kind?: string; limit: number }) {
    return db
      .select({ item: announcementItem, a: announcement, regionName: view.regionName })
      .from(announcementItem)
      .innerJoin(announcement, eq(announcement.id, announcementItem.announcementId))
      .leftJoin(region, eq(region.code, announcement.regionCode))
      .where(
        and(
          inArray(announcement.status, [...PUBLIC_STATUSES]),
          or(
            sql`${announcementItem.enterpriseName} LIKE ${likeOf(f.q)}`,
            sql`${announcementItem.lineName} LIKE ${likeOf(f.q)}`,
            eq(announcementItem.uscc, f.q.toUpperCase()),
          ),
          f.region ? regionUnder(f.region) : undefined,
          f.kind ? eq(announcement.kind, f.kind) : undefined,
        ),
      )
      .orderBy(desc(announcement.publishedAt), asc(announcementItem.announcementId), asc(announcementItem.seq))
      .limit(f.limit);
  },
  /** Regions that have published something, for the public site's region filter. */
  publicRegions(db: Db) {
    return db
      .selectDistinct({ code: announcement.regionCode, name: view.regionName })
      .from(announcement)
      .leftJoin(region, eq(region.code, announcement.regionCode))
      .where(inArray(announcement.status, [...PUBLIC_STATUSES]))
      .orderBy(asc(announcement.regionCode));
  },

  // --- Objections ---

  async insertObjection(tx: Db, row: typeof announcementObjection.$inferInsert): Promise<ObjectionRow> {
    const [r] = await tx.insert(announcementObjection).values(row).returning();
    return r!;
  },
  objections(db: Db, announcementId: number): Promise<ObjectionRow[]> {
    return db.select().from(announcementObjection).where(eq(announcementObjection.announcementId, announcementId)).orderBy(asc(announcementObjection.id));
  },
  async objectionByReceipt(db: Db, code: string): Promise<ObjectionRow | null> {
    const rows = await db.select().from(announcementObjection).where(eq(announcementObjection.receiptCode, code));
    return rows[0] ?? null;
  },
  async objectionById(db: Db, announcementId: number, id: number): Promise<ObjectionRow | null> {
    const rows = await db
      .select()
      .from(announcementObjection)
      .where(and(eq(announcementObjection.announcementId, announcementId), eq(announcementObjection.id, id)));
    return rows[0] ?? null;
  },
  /** Records the answer once: only while unanswered and at the version the office saw. */
  async answerObjection(tx: Db, id: number, version: number, set: Partial<ObjectionRow>): Promise<ObjectionRow | null> {
    const [r] = await tx
      .update(announcementObjection)
      .set({ ...set, version: sql`${announcementObjection.version} + 1` })
      .where(and(eq(announcementObjection.id, id), eq(announcementObjection.version, version), sql`${announcementObjection.answeredAt} IS NULL`))
      .returning();
    return r ?? null;
  },
  async itemById(db: Db, announcementId: number, itemId: number): Promise<ItemRow | null> {
    const rows = await db
      .select()
      .from(announcementItem)
      .where(and(eq(announcementItem.announcementId, announcementId), eq(announcementItem.id, itemId)));
    return rows[0] ?? null;
  },
};
