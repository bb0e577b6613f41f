import {
  JOINT_NOTICE_ACTION_AGENCY,
  JOINT_NOTICE_ACTION_LABELS,
  JOINT_NOTICE_ACTIONS,
  JOINT_NOTICE_DUE_WORKING_DAYS,
  JOINT_PUNISHMENT_GROUND_LABELS,
  type JointNotice,
  type JointNoticeAction,
  type JointNoticeCreateBody,
  type JointNoticeExecuteBody,
  type JointNoticeItemStatus,
  type JointNoticePage,
  type JointNoticeQuery,
  type JointPunishmentCandidate,
  type LifecycleEntry,
} from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import { cutPage, idCursor, pageWindow } from '../../platform/http/list-query.ts';
import { lifecycleRepository, readHistory, refusalOf, runTransition } from '../../platform/lifecycle/index.ts';
import { readableEnterprise } from '../enterprise/index.ts';
import { candidatesIn } from '../joint-punishment/index.ts';
import { contactLine, documentNumberOf, documentSettingsFor } from '../office-settings/index.ts';
import { ancestryOf, regionRepository } from '../region/index.ts';
import { renderNoticeDocx } from './joint-notice-docx.ts';
import { noticeItemMachine } from './joint-notice.machine.ts';
import { type ItemView, jointNoticeRepository as repo, type NoticeView } from './joint-notice.repository.ts';

const noticeTitle = '关于对到期未淘汰落后产能企业依法停止供电和注销、吊销有关证照的通知';

async function readable(db: Db, actor: Actor, id: number): Promise<NoticeView> {
  const v = await repo.byId(db, id);
  const col = actor.scope.column;
  if (!v || actor.role === 'enterprise' || (col !== 'all' && v.n[col] !== actor.scope.code)) throw notFound('联合通知');
  return v;
}

function present(actor: Actor, v: NoticeView, items: ItemView[], today: string): JointNotice {
  const mine = items.filter((i) => i.i.noticeId === v.n.id);
  const out = mine.map((i) => {
    const status = i.i.status as JointNoticeItemStatus;
    const overdue = status === 'pending' && i.i.dueOn < today;
    const t = noticeItemMachine.transitions[0]!;
    return {
      id: i.i.id,
      enterpriseId: i.i.enterpriseId,
      enterpriseName: i.enterpriseName,
      uscc: i.uscc,
      action: i.i.action as JointNoticeAction,
      agencyId: i.i.agencyId,
      agencyName: i.agencyName,
      status,
      dueOn: i.i.dueOn,
      overdue,
      executedOn: i.i.executedOn,
      executionDocNo: i.i.executionDocNo,
      mayExecute: status === 'pending' && refusalOf(noticeItemMachine, t, actor, i.i) === null,
    };
  });
  return {
    id: v.n.id,
    regionCode: v.n.regionCode,
    regionName: v.regionName,
    documentNo: v.n.documentNo,
    title: v.n.title,
    issuedOn: v.n.issuedOn,
    itemCount: out.length,
    pendingCount: out.filter((i) => i.status === 'pending').length,
    overdueCount: out.filter((i) => i.overdue).length,
    items: out,
  };
}

export async function listNotices(db: Db, clock: Clock, actor: Actor, q: JointNoticeQuery): Promise<JointNoticePage> {
  const today = todayInChina(clock.now());
  if (actor.role === 'enterprise') return { items: [], nextCursor: null, total: 0, page: 1, pageSize: 20 };
  const w = pageWindow(q, 20);
  const rows = await repo.list(db, actor.scope, { afterId: idCursor(w.cursor), ascending: q.sort === 'id', offset: w.offset, limit: w.size + 1 });
  const { rows: page, nextCursor } = cutPage(rows, w, (last) => String(last.n.id));
  const items = await repo.itemsOf(db, page.map((v) => v.n.id));
  return { items: page.map((v) => present(actor, v, items, today)), nextCursor, total: await repo.count(db, actor.scope), page: w.page, pageSize: w.size };
}

export async function getNotice(db: Db, clock: Clock, actor: Actor, id: number): Promise<JointNotice> {
  const v = await readable(db, actor, id);
  return present(actor, v, await repo.itemsOf(db, [id]), todayInChina(clock.now()));
}

const HISTORY_LABELS = { ...noticeItemMachine, eventLabels: { ...noticeItemMachine.eventLabels, issue: '发出通知' } };

/** An item's timeline (issued, executed); read through its notice's scope, an item of another notice is 404. */
export async function itemHistory(db: Db, actor: Actor, id: number, itemId: number): Promise<LifecycleEntry[]> {
  await readable(db, actor, id);
  const item = await repo.itemById(db, itemId);
  if (!item || item.i.noticeId !== id) throw notFound('通知事项');
  return readHistory(db, HISTORY_LABELS, itemId);
}

/** Who may be on a notice: every candidate of the caller's subtree, whether or not already on the joint punishment list. */
export async function noticeCandidates(db: Db, clock: Clock, actor: Actor): Promise<{ items: JointPunishmentCandidate[] }> {
  if (actor.role === 'enterprise') return { items: [] };
  return { items: await candidatesIn(db, todayInChina(clock.now()), actor.scope) };
}

/** The office issues the notice for enterprises that missed their exit deadline or are red-listed and still producing. */
export async function issueNotice(db: Db, clock: Clock, actor: Actor, body: JointNoticeCreateBody): Promise<JointNotice> {
  const now = clock.now();
  const today = todayInChina(now);
  const cal = await getCalendar(db);
  const id = await db.transaction(async (tx) => {
    if (actor.role !== 'group_office') throw forbidden('只有领导小组办公室可以发出到期联合通知');
    const actions = [...new Set(body.actions ?? JOINT_NOTICE_ACTIONS)];
    const ids = [...new Set(body.enterpriseIds)];
    const ents = [];
    for (const eid of ids) ents.push(await readableEnterprise(tx, actor, eid));
    const candidates = await candidatesIn(tx, today, { enterpriseIds: ids });
    const items: { enterpriseId: number; action: JointNoticeAction; ground: string; agencyId: number }[] = [];
    for (const [i, e] of ents.entries()) {
      const grounds = candidates.filter((c) => c.enterpriseId === e.id).map((c) => JOINT_PUNISHMENT_GROUND_LABELS[c.ground]);
      if (grounds.length === 0) {
        const message = `${e.name}没有逾期未完成的退出任务或仍在生产的红牌案件，不能列入到期联合通知`;
        throw invalid(message, [{ path: `enterpriseIds.${i}`, message }]);
      }
      const codes = [e.countyCode, e.prefectureCode, e.provinceCode].filter((c): c is string => !!c);
      const agencies = await repo.agenciesIn(tx, codes, [...new Set(actions.map((a) => JOINT_NOTICE_ACTION_AGENCY[a]))]);
      for (const a of actions) {
        const kind = JOINT_NOTICE_ACTION_AGENCY[a];
        const agency = codes.map((code) => agencies.find((x) => x.regionCode === code && x.kind === kind)).find(Boolean);
        if (!agency) {
          const message = `${e.regionName}及上级没有负责“${JOINT_NOTICE_ACTION_LABELS[a]}”的部门，无法送达`;
          throw invalid(message, [{ path: 'actions', message }]);
        }
        items.push({ enterpriseId: e.id, action: a, ground: grounds.join('；'), agencyId: agency.id });
      }
    }
    const region = (await regionRepository.byCode(tx, actor.regionCode))!;
    const anc = ancestryOf(region);
    const year = Number(today.slice(0, 4));
    const settings = await documentSettingsFor(tx, region.code);
    const documentNo = documentNumberOf(settings.numberPrefix, year, (await repo.countOfYear(tx, region.code, year)) + 1);
    const notice = await repo.insertNotice(tx, {
      regionCode: region.code,
      provinceCode: anc.provinceCode,
      prefectureCode: anc.prefectureCode,
      countyCode: anc.countyCode,
      townshipCode: anc.townshipCode,
      documentNo,
      title: noticeTitle,
      issuedOn: today,
      createdBy: actor.userId,
      createdAt: now,
    });
    const dueOn = cal.addWorkingDays(today, JOINT_NOTICE_DUE_WORKING_DAYS);
    const rows = await repo.insertItems(tx, items.map((x) => ({ ...x, noticeId: notice.id, status: 'pending', dueOn, updatedAt: now })));
    // Entering the first state is the issue itself: each item's history starts here; execution by runTransition.
    for (const r of rows) {
      const payload = { noticeId: notice.id, documentNo, enterpriseId: r.enterpriseId, action: r.action, agencyId: r.agencyId, dueOn };
      await lifecycleRepository.insertHistory(tx, { entityType: noticeItemMachine.entityType, entityId: r.id, event: 'issue', fromStatus: null, toStatus: 'pending', actorId: actor.userId, actorName: actor.displayName, at: now, reason: null, payload });
    }
    await recordAudit(tx, actor, now, { action: 'joint_notice.issue', entityType: 'joint_notice', entityId: notice.id, regionCode: region.code, after: { documentNo, enterpriseIds: ids, actions, dueOn } });
    return notice.id;
  });
  return getNotice(db, clock, actor, id);
}

/** The addressed department records the execution (date and document number) of its item. */
export async function executeItem(db: Db, clock: Clock, actor: Actor, id: number, itemId: number, body: JointNoticeExecuteBody): Promise<JointNotice> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const v = await readable(tx, actor, id);
    const item = await repo.itemById(tx, itemId);
    if (!item || item.i.noticeId !== id) throw notFound('通知事项');
    if (body.executedOn > todayInChina(now)) throw invalid('执行日期不能晚于今天', [{ path: 'executedOn', message: '执行日期不能晚于今天' }]);
    if (body.executedOn < v.n.issuedOn) throw invalid('执行日期不能早于通知日期', [{ path: 'executedOn', message: `不能早于通知日期${v.n.issuedOn}` }]);
    await runTransition(tx, {
      machine: noticeItemMachine,
      table: repo.itemTable,
      record: item.i,
      id: itemId,
      from: item.i.status as JointNoticeItemStatus,
      event: 'execute',
      actor,
      now,
      regionCode: v.n.regionCode,
      set: { executedOn: body.executedOn, executionDocNo: body.documentNo },
      payload: { noticeId: id, action: item.i.action, executedOn: body.executedOn, documentNo: body.documentNo },
    });
  });
  return getNotice(db, clock, actor, id);
}

/** The notice as a .docx in 公文 layout, with the office's 版头, 落款, contacts and 抄送 (ADR 0017). */
export async function noticeDocument(db: Db, actor: Actor, id: number): Promise<{ fileName: string; body: Buffer }> {
  const v = await readable(db, actor, id);
  const items = await repo.itemsOf(db, [id]);
  const s = await documentSettingsFor(db, v.n.regionCode);
  const byEnterprise = new Map<number, { name: string; uscc: string; ground: string; actions: JointNoticeAction[]; agencies: string[] }>();
  for (const i of items) {
    const e = byEnterprise.get(i.i.enterpriseId) ?? { name: i.enterpriseName, uscc: i.uscc, ground: i.i.ground, actions: [], agencies: [] };
    e.actions.push(i.i.action as JointNoticeAction);
    if (!e.agencies.includes(i.agencyName)) e.agencies.push(i.agencyName);
    byEnterprise.set(i.i.enterpriseId, e);
  }
  const body = await renderNoticeDocx({
    issuingBody: s.letterhead,
    signingOrgan: s.signingOrgan,
    documentNumber: v.n.documentNo,
    title: v.n.title,
    addressees: [...new Set(items.map((i) => i.agencyName))],
    dueWorkingDays: JOINT_NOTICE_DUE_WORKING_DAYS,
    enterprises: [...byEnterprise.values()],
    contact: contactLine(s),
    copyTo: s.copyTo,
    date: v.n.issuedOn,
  });
  return { fileName: `${v.n.documentNo}-到期联合通知.docx`.replace(/[\\/:*?"<>|]/g, '_'), body };
}
