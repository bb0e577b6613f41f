import { type Case, type CaseCreateBody, type CaseQuery, type CaseSummary, type LifecycleEntry, type ListPage, YELLOW_CASE_STATUSES } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { cutPage, idCursor, pageWindow } from '../../platform/http/list-query.ts';
import { lifecycleRepository, notApplicable, readHistory, refusalOf, transitionFor } from '../../platform/lifecycle/index.ts';
import { catalogueRepository } from '../catalogue/index.ts';
import { readableEnterprise } from '../enterprise/index.ts';
import { openingOf } from './case-deadlines.ts';
import { type CaseRecord, type CaseState, caseMachine, extensionMachine, OPEN_EVENT } from './non-compliance-case.machine.ts';
import { casePolicy } from './non-compliance-case.policy.ts';
import { presentCase, presentCaseSummary } from './non-compliance-case.presenter.ts';
import { type CaseFilter, type CaseView, caseRepository } from './non-compliance-case.repository.ts';

/** The case through the reader's reach: out of reach answers 404 exactly like a missing case. */
export async function readableCase(db: Db, actor: Actor, id: number): Promise<CaseView> {
  const v = await caseRepository.viewById(db, id);
  if (!v || !casePolicy.canRead(actor, v)) throw notFound('案件');
  return v;
}

/** The list filters as repository conditions (yellow/red lists, overdue = open and past its deadline). */
export function caseFilter(q: Omit<CaseQuery, 'sort' | 'page' | 'pageSize' | 'limit' | 'cursor' | 'withTotal'>, today: string): CaseFilter {
  const f: CaseFilter = { criterion: q.criterion, status: q.status, enterpriseId: q.enterpriseId };
  if (q.list === 'yellow') f.statuses = YELLOW_CASE_STATUSES;
  if (q.list === 'red') f.statuses = ['closure_ordered'];
  if (q.overdue === 'true') Object.assign(f, { statuses: f.statuses ?? YELLOW_CASE_STATUSES, deadlineBefore: today });
  return f;
}

export async function listCases(db: Db, clock: Clock, actor: Actor, q: CaseQuery): Promise<ListPage<CaseSummary>> {
  const w = pageWindow(q, 20);
  const afterId = idCursor(w.cursor);
  const reach = casePolicy.reach(actor);
  if (!reach) return { items: [], nextCursor: null, total: w.withTotal ? 0 : null, page: w.page, pageSize: w.size };
  const today = todayInChina(clock.now());
  const f = caseFilter(q, today);
  const [rows, total] = await Promise.all([
    caseRepository.page(db, reach, f, { afterId, descending: q.sort === '-id', offset: w.offset }, w.size + 1),
    w.withTotal ? caseRepository.count(db, reach, f) : null,
  ]);
  const { rows: page, nextCursor } = cutPage(rows, w, (last) => String(last.c.id));
  return { items: page.map((v) => presentCaseSummary(v, today)), nextCursor, total, page: w.page, pageSize: w.size };
}

export async function getCase(db: Db, clock: Clock, actor: Actor, id: number): Promise<Case> {
  const v = await readableCase(db, actor, id);
  const [extensions, reinspections] = await Promise.all([caseRepository.extensionsOf(db, id), caseRepository.reinspectionsOf(db, id)]);
  const names = await caseRepository.userNames(db, [...new Set(extensions.flatMap((e) => [e.requestedBy, e.decidedBy]).filter((x): x is number => x !== null))]);
  return presentCase(actor, v, todayInChina(clock.now()), { extensions, reinspections, names });
}

/** The enterprise named in a new case, in the department's scope; else refused naming the field (nothing written). */
async function enterpriseInScope(db: Db, actor: Actor, id: number) {
  try {
    return await readableEnterprise(db, actor, id);
  } catch (e) {
    if (e instanceof AppError && e.statusCode === 404) {
      const message = '企业不存在或不在本部门管辖区域内';
      throw invalid(message, [{ path: 'enterpriseId', message }]);
    }
    throw e;
  }
}

/**
 * 立案 (issue 12): a department opens a case on an enterprise (or one of its lines) of its region subtree, for a
 * ground its agency kind owns; the ground decides the opening state and the deadline (case-deadlines.ts). The
 * insert, its first history row and the audit entry are one transaction.
 */
export async function createCase(db: Db, clock: Clock, actor: Actor, body: CaseCreateBody): Promise<Case> {
  const agency = actor.agencyId === null ? null : await caseRepository.agencyById(db, actor.agencyId);
  if (actor.role !== 'member_agency' || !agency) throw forbidden('只有成员单位（职能部门）可以立案');
  const record: CaseRecord = { criterion: body.criterion, agencyId: agency.id, agencyKind: agency.kind, openedBy: actor.userId };
  const now = clock.now();
  const opening = openingOf({ criterion: body.criterion, servedOn: body.servedOn, deadline: body.deadline, measure: body.measure, today: todayInChina(now) });
  const event = opening.ok ? OPEN_EVENT[opening.status as keyof typeof OPEN_EVENT] : 'open';
  const t = transitionFor(caseMachine, 'none' as CaseState, event)!;
  const refusal = refusalOf(caseMachine, t, actor, record);
  if (refusal) throw forbidden(refusal);
  const ent = await enterpriseInScope(db, actor, body.enterpriseId);
  if (body.lineId) {
    const l = await caseRepository.lineOf(db, body.lineId);
    if (!l || l.enterpriseId !== ent.id) {
      const message = '所选生产线不属于该企业';
      throw invalid(message, [{ path: 'lineId', message }]);
    }
  }
  if (body.basisId && !(await catalogueRepository.basisItemById(db, body.basisId))) {
    throw invalid('所选依据条目不存在', [{ path: 'basisId', message: '所选依据条目不存在' }]);
  }
  if (!opening.ok) throw invalid(opening.refusal.message, [opening.refusal]);
  const id = await db.transaction(async (tx) => {
    const c = await caseRepository.insert(tx, {
      enterpriseId: ent.id,
      lineId: body.lineId ?? null,
      agencyId: agency.id,
      criterion: body.criterion,
      basisId: body.basisId ?? null,
      standardText: body.standardText,
      findings: body.findings,
      decisionNo: body.decisionNo,
      servedOn: body.servedOn,
      deadline: opening.deadline,
      originalDeadline: opening.deadline,
      status: opening.status,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const payload = { enterpriseId: ent.id, lineId: c.lineId, criterion: c.criterion, decisionNo: c.decisionNo, servedOn: c.servedOn, deadline: c.deadline };
    await lifecycleRepository.insertHistory(tx, {
      entityType: caseMachine.entityType,
      entityId: c.id,
      event,
      fromStatus: null,
      toStatus: c.status,
      actorId: actor.userId,
      actorName: actor.displayName,
      at: now,
      reason: null,
      payload,
    });
    await recordAudit(tx, actor, now, { action: `${caseMachine.entityType}.${event}`, entityType: caseMachine.entityType, entityId: c.id, regionCode: ent.regionCode, after: { status: c.status, ...payload } });
    return c.id;
  });
  return getCase(db, clock, actor, id);
}

/** The machine's checks of a move that creates its record (opening, a request): 409 wrong state, 403 not theirs. */
export function refuseUnlessAllowed<R>(m: typeof extensionMachine | typeof caseMachine, from: string, event: string, actor: Actor, record: R): void {
  const t = transitionFor(m as never, from as never, event as never);
  if (!t) throw conflict(notApplicable(m as never, from as never, event as never));
  const refusal = refusalOf(m as never, t, actor, record as never);
  if (refusal) throw forbidden(refusal);
}

/** The case's timeline: its own steps and its extension requests', in order. */
export async function caseHistory(db: Db, actor: Actor, id: number): Promise<LifecycleEntry[]> {
  await readableCase(db, actor, id);
  const own = await readHistory(db, caseMachine, id);
  const extensions = await caseRepository.extensionsOf(db, id);
  const theirs = (await Promise.all(extensions.map((e) => readHistory(db, extensionMachine, e.id)))).flat();
  return [...own, ...theirs].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
}
