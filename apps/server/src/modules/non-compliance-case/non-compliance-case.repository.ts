import { and, asc, count, desc, eq, gt, inArray, isNotNull, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agency, appUser, caseExtensionRequest, caseReinspection, enterprise, line, nonComplianceCase, region } from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';

export type CaseRow = typeof nonComplianceCase.$inferSelect;
export type CaseInsert = typeof nonComplianceCase.$inferInsert;
export type ExtensionRow = typeof caseExtensionRequest.$inferSelect;
export type ReinspectionRow = typeof caseReinspection.$inferSelect;

/** Which cases a reader may see (non-compliance-case.policy.ts builds it from the actor). */
export interface CaseReach {
  /** The enterprise's region subtree, or null for every region. */
  scope: { column: Exclude<ScopeColumn, 'all'>; code: string } | null;
  /** A department sees only its own agency's cases. */
  agencyId: number | null;
  /** An enterprise user sees only its own. */
  enterpriseId: number | null;
}

export interface CaseFilter {
  criterion?: string;
  status?: string;
  statuses?: readonly string[];
  enterpriseId?: number;
  /** Open cases whose deadline is before this date (YYYY-MM-DD). */
  deadlineBefore?: string;
  /** Open cases whose deadline is on or before this date. */
  deadlineBy?: string;
}

const view = {
  c: nonComplianceCase,
  enterpriseName: enterprise.name,
  uscc: enterprise.uscc,
  regionCode: enterprise.regionCode,
  countyCode: enterprise.countyCode,
  scopeCodes: { provinceCode: enterprise.provinceCode, prefectureCode: enterprise.prefectureCode, countyCode: enterprise.countyCode, townshipCode: enterprise.townshipCode },
  regionName: region.name,
  lineName: line.name,
  agencyName: agency.name,
  agencyKind: agency.kind,
};
export interface CaseView {
  c: CaseRow;
  enterpriseName: string;
  uscc: string;
  regionCode: string;
  countyCode: string | null;
  /** The enterprise's ancestor columns: the case is scoped by its enterprise. */
  scopeCodes: { provinceCode: string; prefectureCode: string | null; countyCode: string | null; townshipCode: string | null };
  regionName: string;
  lineName: string | null;
  agencyName: string;
  agencyKind: string;
}

/** The one scope rule of cases as SQL (every case read joins `enterprise`: a case is scoped by its enterprise). */
export function reachWhere(r: CaseReach): SQL | undefined {
  return and(
    r.scope ? eq(enterprise[r.scope.column], r.scope.code) : undefined,
    r.agencyId === null ? undefined : eq(nonComplianceCase.agencyId, r.agencyId),
    r.enterpriseId === null ? undefined : eq(nonComplianceCase.enterpriseId, r.enterpriseId),
  );
}

function conditions(r: CaseReach, f: CaseFilter): SQL | undefined {
  return and(
    reachWhere(r),
    f.criterion ? eq(nonComplianceCase.criterion, f.criterion) : undefined,
    f.status ? eq(nonComplianceCase.status, f.status) : undefined,
    f.statuses ? inArray(nonComplianceCase.status, [...f.statuses]) : undefined,
    f.enterpriseId ? eq(nonComplianceCase.enterpriseId, f.enterpriseId) : undefined,
    f.deadlineBefore ? and(isNotNull(nonComplianceCase.deadline), lt(nonComplianceCase.deadline, f.deadlineBefore)) : undefined,
    f.deadlineBy ? and(isNotNull(nonComplianceCase.deadline), lte(nonComplianceCase.deadline, f.deadlineBy)) : undefined,
  );
}

const joined = (db: Db) =>
  db
    .select(view)
    .from(nonComplianceCase)
    .innerJoin(enterprise, eq(enterprise.id, nonComplianceCase.enterpriseId))
    .innerJoin(region, eq(region.code, enterprise.regionCode))
    .innerJoin(agency, eq(agency.id, nonComplianceCase.agencyId))
    .leftJoin(line, eq(line.id, nonComplianceCase.lineId));

export const caseRepository = {
  /** The lifecycle table runTransition moves (status, version). */
  table: nonComplianceCase,
  extensionTable: caseExtensionRequest,
  async viewById(db: Db, id: number): Promise<CaseView | null> {
    const rows = await joined(db).where(eq(nonComplianceCase.id, id));
    return (rows[0] as CaseView | undefined) ?? null;
  },
  /** Locks the case row for the rest of the transaction (an extension's checks read it stable). */
  async lock(db: Db, id: number): Promise<void> {
    await db.select({ id: nonComplianceCase.id }).from(nonComplianceCase).where(eq(nonComplianceCase.id, id)).for('update');
  },
  async page(db: Db, r: CaseReach, f: CaseFilter, at: { afterId: number | null; descending: boolean; offset?: number }, limit: number): Promise<CaseView[]> {
    const { afterId, descending, offset = 0 } = at;
    const rows = await joined(db)
      .where(and(conditions(r, f), afterId === null ? undefined : (descending ? lt : gt)(nonComplianceCase.id, afterId)))
      .orderBy(descending ? desc(nonComplianceCase.id) : asc(nonComplianceCase.id))
      .limit(limit)
      .offset(offset);
    return rows as CaseView[];
  },
  async count(db: Db, r: CaseReach, f: CaseFilter): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(nonComplianceCase)
      .innerJoin(enterprise, eq(enterprise.id, nonComplianceCase.enterpriseId))
      .where(conditions(r, f));
    return Number(row?.n ?? 0);
  },
  async insert(db: Db, row: CaseInsert): Promise<CaseRow> {
    const [c] = await db.insert(nonComplianceCase).values(row).returning();
    return c!;
  },
  async setFiles(db: Db, id: number, files: unknown[], now: Date): Promise<void> {
    await db.update(nonComplianceCase).set({ files, updatedAt: now }).where(eq(nonComplianceCase.id, id));
  },
  async lineOf(db: Db, lineId: number): Promise<{ id: number; enterpriseId: number; name: string } | null> {
    const rows = await db.select({ id: line.id, enterpriseId: line.enterpriseId, name: line.name }).from(line).where(eq(line.id, lineId));
    return rows[0] ?? null;
  },
  async agencyById(db: Db, id: number): Promise<{ id: number; kind: string; name: string; regionCode: string } | null> {
    const rows = await db.select({ id: agency.id, kind: agency.kind, name: agency.name, regionCode: agency.regionCode }).from(agency).where(eq(agency.id, id));
    return rows[0] ?? null;
  },
  async extensionsOf(db: Db, caseId: number): Promise<(ExtensionRow & { requestedByName: string | null })[]> {
    const rows = await db
      .select({ e: caseExtensionRequest, requestedByName: appUser.displayName })
      .from(caseExtensionRequest)
      .leftJoin(appUser, eq(appUser.id, caseExtensionRequest.requestedBy))
      .where(eq(caseExtensionRequest.caseId, caseId))
      .orderBy(asc(caseExtensionRequest.id));
    return rows.map((r) => ({ ...r.e, requestedByName: r.requestedByName }));
  },
  async userNames(db: Db, ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.select({ id: appUser.id, name: appUser.displayName }).from(appUser).where(inArray(appUser.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async extensionById(db: Db, caseId: number, id: number): Promise<ExtensionRow | null> {
    const rows = await db
      .select()
      .from(caseExtensionRequest)
      .where(and(eq(caseExtensionRequest.id, id), eq(caseExtensionRequest.caseId, caseId)));
    return rows[0] ?? null;
  },
  async insertExtension(db: Db, row: typeof caseExtensionRequest.$inferInsert): Promise<ExtensionRow> {
    const [e] = await db.insert(caseExtensionRequest).values(row).returning();
    return e!;
  },
  /** Requests awaiting decision on cases in reach (the department's 待办 and 工作台). */
  async pendingExtensions(db: Db, r: CaseReach, limit: number): Promise<(ExtensionRow & { view: CaseView })[]> {
    const rows = await db
      .select({ e: caseExtensionRequest, ...view })
      .from(caseExtensionRequest)
      .innerJoin(nonComplianceCase, eq(nonComplianceCase.id, caseExtensionRequest.caseId))
      .innerJoin(enterprise, eq(enterprise.id, nonComplianceCase.enterpriseId))
      .innerJoin(region, eq(region.code, enterprise.regionCode))
      .innerJoin(agency, eq(agency.id, nonComplianceCase.agencyId))
      .leftJoin(line, eq(line.id, nonComplianceCase.lineId))
      .where(and(conditions(r, {}), eq(caseExtensionRequest.status, 'requested')))
      .orderBy(asc(caseExtensionRequest.id))
      .limit(limit);
    return rows.map(({ e, ...v }) => ({ ...e, view: v as CaseView }));
  },
  async extensionViewById(db: Db, id: number): Promise<(ExtensionRow & { view: CaseView }) | null> {
    const e = (await db.select().from(caseExtensionRequest).where(eq(caseExtensionRequest.id, id)))[0];
    const v = e ? await caseRepository.viewById(db, e.caseId) : null;
    return e && v ? { ...e, view: v } : null;
  },
  async reinspectionsOf(db: Db, caseId: number): Promise<ReinspectionRow[]> {
    return db.select().from(caseReinspection).where(eq(caseReinspection.caseId, caseId)).orderBy(asc(caseReinspection.id));
  },
  async insertReinspection(db: Db, row: typeof caseReinspection.$inferInsert): Promise<ReinspectionRow> {
    const [r] = await db.insert(caseReinspection).values(row).returning();
    return r!;
  },
};
