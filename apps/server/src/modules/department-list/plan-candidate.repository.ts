import { and, asc, eq, ne, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agency, capacityUnit, eliminationPlan, eliminationPlanLine, enterprise, line, nonComplianceCase } from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';

/**
 * Case reads for the plan candidates and the stopped-line check (issue 12). Kept here until the case module
 * lands; at merge `closureOrderedUnplanned` and `stoppedPastDeadline` move behind that module's index.ts.
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

const inNoPlan = (db: Db) => notExists(db.select({ one: sql`1` }).from(eliminationPlanLine).where(eq(eliminationPlanLine.lineId, line.id)));

export const planCandidateRepository = {
  /** Lines of the subtree whose case was ordered closed and that are in no elimination plan (nor eliminated). */
  closureOrderedUnplanned(db: Db, column: Exclude<ScopeColumn, 'all'>, code: string): Promise<CandidateRow[]> {
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
      .where(and(eq(nonComplianceCase.status, 'closure_ordered'), eq(enterprise[column], code), ne(line.status, 'eliminated'), inNoPlan(db)))
      .orderBy(asc(nonComplianceCase.concludedOn), asc(nonComplianceCase.id));
  },
  async planStatus(db: Db, regionCode: string, year: number): Promise<{ id: number; status: string } | null> {
    const [p] = await db
      .select({ id: eliminationPlan.id, status: eliminationPlan.status })
      .from(eliminationPlan)
      .where(and(eq(eliminationPlan.regionCode, regionCode), eq(eliminationPlan.year, year)));
    return p ?? null;
  },
  /**
   * 002 §二(一)6: lines in a case of state stopped/suspended whose deadline has passed (safety cases have no
   * date: they count once stopped) and that are neither rectified nor in any plan. One row per line.
   */
  stoppedPastDeadline(db: Db, province: string | null, today: string): Promise<{ lineId: number; caseId: number; enterpriseId: number; regionCode: string; lineName: string; enterpriseName: string; deadline: string | null; status: string }[]> {
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
          sql`${nonComplianceCase.status} in ('stopped', 'suspended')`,
          sql`(${nonComplianceCase.deadline} is null or ${nonComplianceCase.deadline} < ${today})`,
          ne(line.status, 'eliminated'),
          province ? eq(enterprise.provinceCode, province) : undefined,
          inNoPlan(db),
        ),
      )
      .orderBy(asc(line.id), asc(nonComplianceCase.id));
  },
};
