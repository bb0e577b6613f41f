import { RED_CASE_STATUSES, YELLOW_CASE_STATUSES } from '@taotai/shared';
import { and, asc, desc, eq, inArray, ne, notExists, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agency, capacityUnit, eliminationPlanLine, enterprise, line, nonComplianceCase } from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';
import { type CaseReach, reachWhere } from './non-compliance-case.repository.ts';

/**
 * Case reads the other modules act on (issue 12): plan candidates and the stopped-line check (department
 * lists), the listing case of a price delivery, the red cases of joint punishment. They were kept in those
 * modules while this one was built in parallel; the case table is now read here only.
 */

export interface CandidateRow {
  caseId: number;
  criterion: string;
  decisionNo: string;
  closureDecisionNo: string | null;
  concludedOn: string | null;
  agencyName: string;
  enterpriseId: number;
  enterpriseName: string;
  lineId: number;
  lineName: string;
  capacity: string;
  capacityUnit: string;
  unitName: string;
}

export interface StoppedLineRow {
  lineId: number;
  caseId: number;
  enterpriseId: number;
  regionCode: string;
  lineName: string;
  enterpriseName: string;
  deadline: string | null;
  status: string;
}

const LISTED = [...YELLOW_CASE_STATUSES, ...RED_CASE_STATUSES];
const inNoPlan = (db: Db) => notExists(db.select({ one: sql`1` }).from(eliminationPlanLine).where(eq(eliminationPlanLine.lineId, line.id)));

export const caseLinkRepository = {
  /** Lines of cases in reach that were ordered closed and are in no elimination plan (nor eliminated). */
  closureOrderedUnplanned(db: Db, reach: CaseReach): Promise<CandidateRow[]> {
    return db
      .select({
        caseId: nonComplianceCase.id,
        criterion: nonComplianceCase.criterion,
        decisionNo: nonComplianceCase.decisionNo,
        closureDecisionNo: nonComplianceCase.closureDecisionNo,
        concludedOn: nonComplianceCase.concludedOn,
        agencyName: sql<string>`coalesce(${agency.name}, '')`,
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        lineId: line.id,
        lineName: line.name,
        capacity: line.capacity,
        capacityUnit: line.capacityUnit,
        unitName: sql<string>`coalesce(${capacityUnit.name}, ${line.capacityUnit})`,
      })
      .from(nonComplianceCase)
      .innerJoin(line, eq(line.id, nonComplianceCase.lineId))
      .innerJoin(enterprise, eq(enterprise.id, nonComplianceCase.enterpriseId))
      .leftJoin(agency, eq(agency.id, nonComplianceCase.agencyId))
      .leftJoin(capacityUnit, eq(capacityUnit.code, line.capacityUnit))
      .where(and(reachWhere(reach), eq(nonComplianceCase.status, 'closure_ordered'), ne(line.status, 'eliminated'), inNoPlan(db)))
      .orderBy(asc(nonComplianceCase.concludedOn), asc(nonComplianceCase.id));
  },
  /**
   * 002 §二(一)6: lines in a case of state stopped/suspended whose deadline has passed (safety cases have no
   * date: they count once stopped) and that are neither rectified nor in any plan. One row per line.
   */
  stoppedPastDeadline(db: Db, reach: CaseReach, today: string): Promise<StoppedLineRow[]> {
    return db
      .selectDistinctOn([line.id], {
        lineId: line.id,
        caseId: nonComplianceCase.id,
        enterpriseId: enterprise.id,
        regionCode: enterprise.regionCode,
        lineName: line.name,
        enterpriseName: enterprise.name,
        deadline: nonComplianceCase.deadline,
        status: nonComplianceCase.status,
      })
      .from(nonComplianceCase)
      .innerJoin(line, eq(line.id, nonComplianceCase.lineId))
      .innerJoin(enterprise, eq(enterprise.id, nonComplianceCase.enterpriseId))
      .where(
        and(
          reachWhere(reach),
          sql`${nonComplianceCase.status} in ('stopped', 'suspended')`,
          sql`(${nonComplianceCase.deadline} is null or ${nonComplianceCase.deadline} < ${today})`,
          ne(line.status, 'eliminated'),
          inNoPlan(db),
        ),
      )
      .orderBy(asc(line.id), asc(nonComplianceCase.id));
  },
  /** The enterprise's latest yellow or red case (it is "listed"), or null: what a price delivery names. */
  async listingCaseOf(db: Db, enterpriseId: number): Promise<{ id: number; status: string; agencyId: number; lineId: number | null; decisionNo: string } | null> {
    const rows = await db
      .select({ id: nonComplianceCase.id, status: nonComplianceCase.status, agencyId: nonComplianceCase.agencyId, lineId: nonComplianceCase.lineId, decisionNo: nonComplianceCase.decisionNo })
      .from(nonComplianceCase)
      .where(and(eq(nonComplianceCase.enterpriseId, enterpriseId), inArray(nonComplianceCase.status, LISTED)))
      .orderBy(desc(nonComplianceCase.id))
      .limit(1);
    return rows[0] ?? null;
  },
  /** A case's status and line, for a price delivery's removal guard. */
  async caseStatusOf(db: Db, caseId: number): Promise<{ status: string; lineId: number | null } | null> {
    const [r] = await db.select({ status: nonComplianceCase.status, lineId: nonComplianceCase.lineId }).from(nonComplianceCase).where(eq(nonComplianceCase.id, caseId));
    return r ?? null;
  },
  /** Red-listed (closure ordered) cases of enterprises still producing, in a subtree or for given enterprises. */
  redCasesOfProducing(db: Db, where: { column: ScopeColumn; code: string } | { enterpriseIds: number[] }) {
    let scope: SQL | undefined;
    if ('enterpriseIds' in where) scope = where.enterpriseIds.length ? inArray(nonComplianceCase.enterpriseId, where.enterpriseIds) : eq(nonComplianceCase.id, -1);
    else scope = reachWhere({ scope: where.column === 'all' ? null : { column: where.column, code: where.code }, agencyId: null, enterpriseId: null });
    return db
      .select({ caseId: nonComplianceCase.id, enterpriseId: nonComplianceCase.enterpriseId, decisionNo: nonComplianceCase.decisionNo, closureDecisionNo: nonComplianceCase.closureDecisionNo, concludedOn: nonComplianceCase.concludedOn })
      .from(nonComplianceCase)
      .innerJoin(enterprise, eq(enterprise.id, nonComplianceCase.enterpriseId))
      .where(and(scope, inArray(nonComplianceCase.status, [...RED_CASE_STATUSES]), inArray(enterprise.status, ['operating', 'exiting'])))
      .orderBy(asc(nonComplianceCase.id))
      .limit(500);
  },
  /** Whether the enterprise has a yellow or red case now. */
  async listedEnterprise(db: Db, enterpriseId: number): Promise<boolean> {
    const rows = await db
      .select({ id: nonComplianceCase.id })
      .from(nonComplianceCase)
      .where(and(eq(nonComplianceCase.enterpriseId, enterpriseId), inArray(nonComplianceCase.status, LISTED)))
      .limit(1);
    return rows.length > 0;
  },
  /** Decision numbers (处理决定文号) of cases by id, for the rows that name their case. */
  async decisionNosOf(db: Db, caseIds: number[]): Promise<Map<number, string>> {
    if (caseIds.length === 0) return new Map();
    const rows = await db.select({ id: nonComplianceCase.id, decisionNo: nonComplianceCase.decisionNo }).from(nonComplianceCase).where(inArray(nonComplianceCase.id, [...new Set(caseIds)]));
    return new Map(rows.map((r) => [r.id, r.decisionNo]));
  },
};
