import {
  JOINT_PUNISHMENT_ACTIVE,
  JOINT_PUNISHMENT_GROUND_LABELS,
  JOINT_PUNISHMENT_OBJECTION_WORKING_DAYS,
  RESTRICTION_DOMAIN_LABELS,
  type JointPunishmentCandidate,
  type JointPunishmentCreateBody,
  type JointPunishmentEntry,
  type JointPunishmentPage,
  type JointPunishmentQuery,
  type JointPunishmentStatus,
  type JointPunishmentTransitionBody,
  type JointRestrictionBody,
  type LifecycleEntry,
} from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { getCalendar, type WorkingCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { cutPage, idCursor, pageWindow } from '../../platform/http/list-query.ts';
import { lifecycleRepository, readHistory, runTransition } from '../../platform/lifecycle/index.ts';
import { readableEnterprise } from '../enterprise/index.ts';
import { exitTaskOverdueRepository } from '../exit-task/index.ts';
import { caseLinkRepository } from '../non-compliance-case/index.ts';
import { documentSettingsFor } from '../office-settings/index.ts';
import { candidatesIn } from './joint-punishment-candidates.ts';
import { type EntryFacts, entryMachine } from './joint-punishment.machine.ts';
import { entryScope, listRefusal, mayRead, placeOf, restrictRefusal } from './joint-punishment.policy.ts';
import { presentEntry } from './joint-punishment.presenter.ts';
import { type EntryView, jointPunishmentRepository as repo } from './joint-punishment.repository.ts';

const HISTORY_LABELS = { ...entryMachine, eventLabels: { ...entryMachine.eventLabels, list: '列入名单', restrict: '记录惩戒措施' } };

const objectionUntil = (cal: WorkingCalendar, listedOn: string) => cal.addWorkingDays(listedOn, JOINT_PUNISHMENT_OBJECTION_WORKING_DAYS);

async function readable(db: Db, actor: Actor, id: number): Promise<EntryView> {
  const v = await repo.viewById(db, id);
  if (!v || !mayRead(actor, v.e)) throw notFound('联合惩戒记录');
  return v;
}

async function present(db: Db, actor: Actor, views: EntryView[]): Promise<JointPunishmentEntry[]> {
  const cal = await getCalendar(db);
  const restrictions = await repo.restrictionsOf(db, views.map((v) => v.e.id));
  return views.map((v) => presentEntry(actor, v, restrictions.filter((r) => r.entryId === v.e.id), objectionUntil(cal, v.e.listedOn)));
}

export async function listEntries(db: Db, actor: Actor, q: JointPunishmentQuery): Promise<JointPunishmentPage> {
  const w = pageWindow(q, 20);
  const filter = { scope: entryScope(actor), status: q.status, ground: q.ground, enterpriseId: q.enterpriseId };
  const rows = await repo.list(db, filter, { afterId: idCursor(w.cursor), ascending: q.sort === 'id', offset: w.offset, limit: w.size + 1 });
  const { rows: page, nextCursor } = cutPage(rows, w, (last) => String(last.e.id));
  return { items: await present(db, actor, page), nextCursor, total: await repo.count(db, filter), page: w.page, pageSize: w.size };
}

export async function getEntry(db: Db, actor: Actor, id: number): Promise<JointPunishmentEntry> {
  return (await present(db, actor, [await readable(db, actor, id)]))[0]!;
}

export async function entryHistory(db: Db, actor: Actor, id: number): Promise<LifecycleEntry[]> {
  await readable(db, actor, id);
  return readHistory(db, HISTORY_LABELS, id);
}

/** The proposed candidates of the caller's subtree not yet on the list. */
export async function listCandidates(db: Db, clock: Clock, actor: Actor): Promise<{ items: JointPunishmentCandidate[] }> {
  if (actor.role === 'enterprise') return { items: [] };
  const all = await candidatesIn(db, todayInChina(clock.now()), actor.scope);
  const listed = new Set((await repo.list(db, { scope: entryScope(actor), statuses: JOINT_PUNISHMENT_ACTIVE }, { afterId: null, ascending: true, offset: 0, limit: 5000 })).map((v) => v.e.enterpriseId));
  return { items: all.filter((c) => !listed.has(c.enterpriseId)) };
}

/** The office lists a proposed candidate with the basis; an enterprise that is no candidate for the ground is refused. */
export async function createEntry(db: Db, clock: Clock, actor: Actor, body: JointPunishmentCreateBody): Promise<JointPunishmentEntry> {
  const now = clock.now();
  const today = todayInChina(now);
  const id = await db.transaction(async (tx) => {
    const e = await readableEnterprise(tx, actor, body.enterpriseId);
    const refusal = listRefusal(actor);
    if (refusal) throw forbidden(refusal);
    const candidate = (await candidatesIn(tx, today, { enterpriseIds: [e.id] })).find((c) => c.ground === body.ground);
    if (!candidate) {
      const message = `${e.name}不属于“${JOINT_PUNISHMENT_GROUND_LABELS[body.ground]}”的联合惩戒对象（没有逾期未验收的退出任务，或没有仍在生产的红牌案件）`;
      throw invalid(message, [{ path: 'enterpriseId', message }]);
    }
    if (await repo.activeOf(tx, e.id, JOINT_PUNISHMENT_ACTIVE)) throw conflict(`${e.name}已在联合惩戒名单中`);
    const office = await repo.officeAgencyOf(tx, actor.regionCode);
    // The issuing body as the office signs its documents (落款, ADR 0017), not the bureau that hosts it.
    const issuer = actor.role === 'group_office' ? (await documentSettingsFor(tx, actor.regionCode)).signingOrgan : actor.displayName;
    const row = await repo.insert(tx, {
      enterpriseId: e.id,
      regionCode: e.regionCode,
      provinceCode: e.provinceCode,
      prefectureCode: e.prefectureCode,
      countyCode: e.countyCode,
      townshipCode: e.townshipCode,
      ground: body.ground,
      basis: body.basis,
      caseId: candidate.caseId,
      exitTaskId: candidate.exitTaskId,
      issuingAgencyId: office?.id ?? actor.agencyId,
      issuingAgencyName: issuer,
      listedOn: today,
      status: 'listed',
      listedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const payload = { ground: body.ground, basis: body.basis, caseId: candidate.caseId, exitTaskId: candidate.exitTaskId };
    // Entering the first state is the creation itself: its history row is written here; later moves by runTransition.
    await lifecycleRepository.insertHistory(tx, { entityType: entryMachine.entityType, entityId: row.id, event: 'list', fromStatus: null, toStatus: 'listed', actorId: actor.userId, actorName: actor.displayName, at: now, reason: null, payload });
    await recordAudit(tx, actor, now, { action: 'joint_punishment_entry.list', entityType: entryMachine.entityType, entityId: row.id, regionCode: e.regionCode, after: { status: 'listed', ...payload } });
    return row.id;
  });
  return getEntry(db, actor, id);
}

/** A department records the restriction it applied (one per domain and department), kept in the entry's history. */
export async function addRestriction(db: Db, clock: Clock, actor: Actor, id: number, body: JointRestrictionBody): Promise<JointPunishmentEntry> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { e } = await readable(tx, actor, id);
    const refusal = restrictRefusal(actor);
    if (refusal) throw forbidden(refusal);
    if (!JOINT_PUNISHMENT_ACTIVE.includes(e.status as JointPunishmentStatus)) throw conflict('该企业已移出联合惩戒名单，不能再记录惩戒措施');
    if (body.appliedOn > todayInChina(now)) throw invalid('实施日期不能晚于今天', [{ path: 'appliedOn', message: '实施日期不能晚于今天' }]);
    if (body.appliedOn < e.listedOn) throw invalid('实施日期不能早于列入名单日期', [{ path: 'appliedOn', message: `不能早于列入日期${e.listedOn}` }]);
    const agency = await repo.agency(tx, actor.agencyId!);
    const row = await repo.insertRestriction(tx, {
      entryId: id,
      domain: body.domain,
      agencyId: actor.agencyId!,
      agencyName: agency?.name ?? actor.displayName,
      measure: body.measure,
      appliedOn: body.appliedOn,
      documentNo: body.documentNo ?? '',
      recordedBy: actor.userId,
      recordedAt: now,
    });
    if (!row) throw conflict(`本部门已记录“${RESTRICTION_DOMAIN_LABELS[body.domain]}”领域的惩戒措施`);
    const payload = { domain: body.domain, agency: row.agencyName, measure: body.measure, appliedOn: body.appliedOn, documentNo: row.documentNo };
    await lifecycleRepository.insertHistory(tx, { entityType: entryMachine.entityType, entityId: id, event: 'restrict', fromStatus: e.status, toStatus: e.status, actorId: actor.userId, actorName: actor.displayName, at: now, reason: null, payload });
    await recordAudit(tx, actor, now, { action: 'joint_punishment_entry.restrict', entityType: entryMachine.entityType, entityId: id, regionCode: e.regionCode, after: payload });
  });
  return getEntry(db, actor, id);
}

/** Whether the enterprise has complied: exited or closed, or no yellow/red case and no missed exit deadline. */
async function compliant(tx: Db, enterpriseId: number, enterpriseStatus: string, today: string): Promise<boolean> {
  if (enterpriseStatus === 'exited' || enterpriseStatus === 'closed') return true;
  if (await caseLinkRepository.listedEnterprise(tx, enterpriseId)) return false;
  return (await exitTaskOverdueRepository.overdue(tx, today, { enterpriseIds: [enterpriseId] }, 1)).length === 0;
}

/** Objection and its answer, credit repair and its decision: runTransition, the text kept as the reason. */
export async function transitionEntry(db: Db, clock: Clock, actor: Actor, id: number, body: JointPunishmentTransitionBody): Promise<JointPunishmentEntry> {
  const now = clock.now();
  const today = todayInChina(now);
  const cal = await getCalendar(db);
  await db.transaction(async (tx) => {
    const { e, enterpriseStatus } = await readable(tx, actor, id);
    const facts: EntryFacts = {
      today,
      objectionUntil: objectionUntil(cal, e.listedOn),
      compliant: body.event === 'apply_repair' ? await compliant(tx, e.enterpriseId, enterpriseStatus, today) : false,
    };
    const text = body.reason ?? null;
    const set: Record<string, unknown> = {
      object: { objection: text, objectedAt: now },
      uphold: { objectionAnswer: text },
      accept_objection: { objectionAnswer: text, endedOn: today },
      apply_repair: { repairApplication: text, repairRequestedAt: now },
      grant_repair: { repairDecision: text, endedOn: today },
      refuse_repair: { repairDecision: text },
    }[body.event];
    await runTransition(tx, {
      machine: entryMachine,
      table: repo.table,
      record: { enterpriseId: e.enterpriseId, place: placeOf(e) },
      id,
      from: e.status as JointPunishmentStatus,
      event: body.event,
      actor,
      now,
      regionCode: e.regionCode,
      reason: text,
      facts,
      set,
      version: body.version,
    });
  });
  return getEntry(db, actor, id);
}
