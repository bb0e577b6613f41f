import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agency, appUser, leadingGroup, leadingGroupMember } from '../../db/schema/index.ts';

/** The department lists' own reads (drafting agencies, recipients); the cases are read through the case module. */
export const departmentListRepository = {
  /** The region's agencies of the given kinds (the departments of a ground). */
  async agencyIdsOf(db: Db, regionCode: string, kinds: readonly string[]): Promise<number[]> {
    const rows = await db.select({ id: agency.id }).from(agency).where(and(eq(agency.regionCode, regionCode), inArray(agency.kind, [...kinds])));
    return rows.map((r) => r.id);
  },
  /**
   * Who receives a published violators' list (002 §四(二)): the region's group-office accounts and the accounts
   * of every member agency of the region's leading group. Active accounts only.
   */
  async listRecipients(db: Db, regionCode: string): Promise<number[]> {
    const offices = await db
      .select({ id: appUser.id })
      .from(appUser)
      .where(and(eq(appUser.role, 'group_office'), eq(appUser.regionCode, regionCode), eq(appUser.disabled, false)));
    const members = await db
      .select({ id: appUser.id })
      .from(appUser)
      .innerJoin(leadingGroupMember, eq(leadingGroupMember.agencyId, appUser.agencyId))
      .innerJoin(leadingGroup, eq(leadingGroup.id, leadingGroupMember.groupId))
      .where(and(eq(leadingGroup.regionCode, regionCode), eq(appUser.role, 'member_agency'), eq(appUser.disabled, false)));
    return [...new Set([...offices, ...members].map((u) => u.id))];
  },
};
