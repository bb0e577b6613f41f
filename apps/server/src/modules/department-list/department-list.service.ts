import {
  type CaseCriterion,
  type CaseStatus,
  type DepartmentListEntry,
  type DepartmentListQuery,
  type ListColour,
  type ListPage,
  RED_CASE_STATUSES,
  statusesOfColour,
} from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { type Actor, LEVEL_COLUMN } from '../../platform/access/actor.ts';
import { cutPage, idCursor, pageWindow } from '../../platform/http/list-query.ts';
import { type RegionRow, regionInActorScope } from '../region/index.ts';
import { type CaseReach, caseListRepository as repo, casePolicy, type ListedCaseRow } from '../non-compliance-case/index.ts';

/**
 * The cases a caller sees: the case module's one rule (`casePolicy.reach`, issue 12 "Who sees what"), narrowed
 * to the `region` asked for (404 outside the caller's subtree). A null reach sees no case.
 */
export async function caseReachOf(db: Db, actor: Actor, regionCode?: string): Promise<{ reach: CaseReach | null; root: RegionRow | null }> {
  const root = regionCode ? await regionInActorScope(db, actor, regionCode) : null;
  const within = root ? { column: LEVEL_COLUMN[root.level] ?? 'townshipCode', code: root.code } : null;
  return { reach: casePolicy.reachWithin(actor, within), root };
}

const num = (v: string | null) => (v == null ? null : Number(v));

export function presentEntry(r: ListedCaseRow, today: string): DepartmentListEntry {
  const c = r.c;
  const colour: ListColour = RED_CASE_STATUSES.includes(c.status as CaseStatus) ? 'red' : 'yellow';
  return {
    caseId: c.id,
    colour,
    criterion: c.criterion as CaseCriterion,
    status: c.status as CaseStatus,
    enterpriseId: c.enterpriseId,
    enterpriseName: r.enterpriseName,
    uscc: r.uscc,
    regionCode: r.regionCode,
    regionName: r.regionName,
    lineId: c.lineId,
    lineName: r.lineName,
    specification: r.specification,
    capacity: num(r.capacity),
    capacityUnit: r.capacityUnit,
    unitName: r.lineName === null ? null : r.unitName,
    agencyId: c.agencyId,
    agencyName: r.agencyName,
    decisionNo: c.decisionNo,
    servedOn: c.servedOn,
    deadline: c.deadline,
    closureDecisionNo: c.closureDecisionNo,
    concludedOn: c.concludedOn,
    overdue: colour === 'yellow' && c.deadline !== null && c.deadline < today,
  };
}

/** The yellow or red list on the list-page query shape (ADR 0014): numbered pages with a total, or the keyset cursor. */
export async function listDepartmentList(db: Db, actor: Actor, q: DepartmentListQuery, today: string): Promise<ListPage<DepartmentListEntry>> {
  const w = pageWindow(q, 20);
  const cursorId = idCursor(w.cursor);
  const { reach } = await caseReachOf(db, actor, q.region);
  if (!reach) return { items: [], nextCursor: null, total: 0, page: w.page, pageSize: w.size };
  const filter = { reach, statuses: statusesOfColour(q.colour), criteria: q.criterion ? [q.criterion] : undefined };
  const [rows, total] = await Promise.all([
    repo.listedCases(db, filter, { cursorId, ascending: q.sort === 'id', offset: w.offset, limit: w.size + 1 }),
    repo.countListedCases(db, filter),
  ]);
  const { rows: page, nextCursor } = cutPage(rows, w, (last) => String(last.c.id));
  return { items: page.map((r) => presentEntry(r, today)), nextCursor, total, page: w.page, pageSize: w.size };
}
