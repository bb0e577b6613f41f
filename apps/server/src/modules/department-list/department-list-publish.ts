import { ANNOUNCEMENT_KIND_LABELS, CASE_CRITERION_AGENCY, type AnnouncementKind, departmentListKindOf, statusesOfColour } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { LEVEL_COLUMN } from '../../platform/access/actor.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import { notify } from '../notification/index.ts';
import type { RegionRow } from '../region/index.ts';
import { caseListRepository, type ListedCaseRow } from '../non-compliance-case/index.ts';
import { departmentListRepository as repo } from './department-list.repository.ts';

/**
 * What the announcement machinery needs to publish a department's yellow or red list (issue 12; 002 §四(二)):
 * the listed cases of the issuing region (every department's cases of the ground, not one agency's), the
 * departments that may draft it, and the violators' list sent to the office and the members on publication.
 */

export type ListedCaseSource = ListedCaseRow;

/** The cases of a department list kind in the issuing region's subtree, oldest first (the order they were served). */
export async function departmentListSources(db: Db, issuer: RegionRow, kind: AnnouncementKind): Promise<ListedCaseSource[]> {
  const of = departmentListKindOf(kind);
  if (!of) return [];
  const reach = { scope: { column: LEVEL_COLUMN[issuer.level] ?? 'townshipCode', code: issuer.code }, agencyId: null, enterpriseId: null };
  const rows = await caseListRepository.listedCases(db, { reach, statuses: statusesOfColour(of.colour), criteria: [of.criterion] }, { cursorId: null, ascending: true, limit: 10_000 });
  return rows;
}

/**
 * The agencies of the issuing region that draft a department list of this kind (the ground's departments,
 * CASE_CRITERION_AGENCY); null for the office's own kinds. Their accounts build, edit and submit the list;
 * approval and publishing stay with the region's leader or the level above (separated duties).
 */
export async function departmentListDrafters(db: Db, regionCode: string, kind: string): Promise<number[] | null> {
  const of = departmentListKindOf(kind);
  if (!of) return null;
  return repo.agencyIdsOf(db, regionCode, CASE_CRITERION_AGENCY[of.criterion]);
}

/**
 * The office receives the violators' list and circulates it to the members (002 §四(二)): on publication the
 * region's group office and every member agency of its leading group are notified, in the publishing transaction.
 */
export async function notifyDepartmentListPublished(tx: Db, now: Date, a: { id: number; regionCode: string; kind: string; title: string }): Promise<number> {
  if (!departmentListKindOf(a.kind)) return 0;
  const users = await repo.listRecipients(tx, a.regionCode);
  const sent = await notify(
    tx,
    users.map((userId) => ({
      userId,
      kind: 'department_list_published',
      title: `${ANNOUNCEMENT_KIND_LABELS[a.kind as AnnouncementKind]}已发布`,
      body: `《${a.title}》已于${todayInChina(now)}发布，请各成员单位知悉并依职责落实相关措施。`,
      entityType: 'announcement',
      entityId: String(a.id),
      link: `/announcements/${a.id}`,
      dedupeKey: `department-list:${a.id}:${userId}`,
      createdAt: now,
    })),
  );
  return sent.length;
}
