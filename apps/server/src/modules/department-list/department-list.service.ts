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
import { type Actor, confinedEnterprise, LEVEL_COLUMN } from '../../platform/access/actor.ts';
import { cutPage, idCursor, pageWindow } from '../../platform/http/list-query.ts';
import { type RegionRow, regionInActorScope } from '../region/index.ts';
import { type CaseScope, type ListedCaseRow, departmentListRepository as repo } from './department-list.repository.ts';

/**
 * The cases a caller sees (issue 12 "Who sees what"): the enterprise's region in the caller's subtree (or the
 * `region` asked for, 404 outside it); a department user its own agency's cases; an enterprise its own.
 */
export async function caseScopeOf(db: Db, actor: Actor, regionCode?: string): Promise<{ scope: CaseScope; root: RegionRow | null }> {
  const root = regionCode ? await regionInActorScope(db, actor, regionCode) : null;
  const column = root ? (LEVEL_COLUMN[root.level] ?? 'townshipCode') : actor.scope.column;
  const code = root ? root.code : actor.scope.code;
  const agencyId = actor.role === 'member_agency' ? (actor.agencyId ?? -1) : null;
  return { scope: { column, code, agencyId, enterpriseId: confinedEnterprise(actor) }, root };
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
  const { scope } = await caseScopeOf(db, actor, q.region);
  const filter = { scope, statuses: statusesOfColour(q.colour), criteria: q.criterion ? [q.criterion] : undefined };
  const [rows, total] = await Promise.all([
    repo.listedCases(db, filter, { cursorId, ascending: q.sort === 'id', offset: w.offset, limit: w.size + 1 }),
    repo.countListedCases(db, filter),
  ]);
  const { rows: page, nextCursor } = cutPage(rows, w, (last) => String(last.c.id));
  return { items: page.map((r) => presentEntry(r, today)), nextCursor, total, page: w.page, pageSize: w.size };
}
