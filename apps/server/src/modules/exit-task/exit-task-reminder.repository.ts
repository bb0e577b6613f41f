import { and, asc, eq, inArray, isNotNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appUser, enterprise, exitTask, line } from '../../db/schema/index.ts';

export type SealedTaskDue = Awaited<ReturnType<typeof exitTaskReminderRepository.sealedBefore>>[number];

/** Reads for the dismantling-deadline sweep (exit-task.jobs.ts). */
export const exitTaskReminderRepository = {
  /** Sealed tasks whose dismantling deadline is before `before` (exclusive), with what a reminder names. */
  sealedBefore(db: Db, before: string) {
    return db
      .select({
        id: exitTask.id,
        dismantleDeadline: exitTask.dismantleDeadline,
        lineName: line.name,
        enterpriseName: enterprise.name,
        countyCode: enterprise.countyCode,
        townshipCode: enterprise.townshipCode,
      })
      .from(exitTask)
      .innerJoin(line, eq(line.id, exitTask.lineId))
      .innerJoin(enterprise, eq(enterprise.id, exitTask.enterpriseId))
      .where(and(eq(exitTask.status, 'sealed'), isNotNull(exitTask.dismantleDeadline), lt(exitTask.dismantleDeadline, before)))
      .orderBy(asc(exitTask.id));
  },
  /** Active group-office accounts of the counties and township (town role) accounts of the townships. */
  recipients(db: Db, countyCodes: string[], townshipCodes: string[]) {
    const office = countyCodes.length ? and(eq(appUser.role, 'group_office'), inArray(appUser.regionCode, countyCodes)) : undefined;
    const town = townshipCodes.length ? and(eq(appUser.role, 'town'), inArray(appUser.regionCode, townshipCodes)) : undefined;
    if (!office && !town) return Promise.resolve([]);
    return db
      .select({ id: appUser.id, role: appUser.role, regionCode: appUser.regionCode })
      .from(appUser)
      .where(and(eq(appUser.disabled, false), or(office, town)))
      .orderBy(asc(appUser.id));
  },
};
