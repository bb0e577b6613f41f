import type { Tip, TipOfficeMessageBody, TipStatus, TipTransitionBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid } from '../../platform/errors.ts';
import { runTransition } from '../../platform/lifecycle/index.ts';
import { notify } from '../notification/index.ts';
import { addTipWorkingDays } from './tip-deadline.ts';
import { isHandler, tipMachine } from './tip.machine.ts';
import { tipNo, tipRecordOf } from './tip.presenter.ts';
import { tipRecordRepository as records } from './tip-record.repository.ts';
import { type TipView, tipRepository } from './tip.repository.ts';
import { presentReadable, readableTip } from './tip.service.ts';

/** Where a forward goes (issue 13 "forward it once with a reason"): another county's office, or a member department of the handling region. */
async function forwardTarget(tx: Db, v: TipView, to: TipTransitionBody['forwardTo']): Promise<{ regionCode: string; agencyId: number | null }> {
  if (!to?.regionCode) throw invalid('请选择转办单位', [{ path: 'forwardTo', message: '请选择转办单位' }]);
  if (to.agencyId) {
    const a = await records.agencyById(tx, to.agencyId);
    if (!a || a.isGroupOffice || a.regionCode !== v.t.handlingRegionCode || a.regionCode !== to.regionCode || a.id === v.t.handlingAgencyId) {
      throw invalid('只能转办给本地区的成员单位', [{ path: 'forwardTo', message: '只能转办给本地区的成员单位' }]);
    }
    return { regionCode: a.regionCode, agencyId: a.id };
  }
  const r = await records.regionByCode(tx, to.regionCode);
  if (r?.level !== 'county' || r.code === v.t.handlingRegionCode) throw invalid('只能转办给其他县级领导小组办公室', [{ path: 'forwardTo', message: '只能转办给其他县级领导小组办公室' }]);
  return { regionCode: r.code, agencyId: null };
}

/** A system line in the tipster's thread (forwarded, extended, concluded, identity viewed): what happened, never who. */
export async function postSystemMessage(tx: Db, tipId: number, body: string, at: Date): Promise<void> {
  await records.insertMessage(tx, { tipId, author: 'system', body, userId: null, at });
}

/** Tells the office that now handles the tip (a forward) by the in-app notice. */
async function notifyOffice(tx: Db, v: TipView, to: { regionCode: string; agencyId: number | null }, kind: string, title: string, body: string, now: Date) {
  const users = await records.officeUsers(tx, to);
  await notify(
    tx,
    users.map((userId) => ({ userId, kind, title, body, entityType: 'tip', entityId: String(v.t.id), link: `/tips/${v.t.id}`, dedupeKey: `${kind}:${userId}:tip:${v.t.id}:${now.getTime()}`, createdAt: now })),
  );
}

/**
 * 受理、转办、延期、提交办结、退回、审定办结 (issue 13), each through the one transition step (ADR 0012): machine →
 * relation (the tipConclusion duty) → reason → guard → guarded update on the version the user saw → history → audit.
 */
export async function transitionTip(db: Db, clock: Clock, actor: Actor, id: number, body: TipTransitionBody): Promise<Tip> {
  const now = clock.now();
  const today = todayInChina(now);
  return db.transaction(async (tx) => {
    await tipRepository.lock(tx, id);
    const v = await readableTip(tx, actor, id);
    const t = v.t;
    const set: Record<string, unknown> = {};
    const payload: Record<string, unknown> = {};
    let forwardTo: { regionCode: string; agencyId: number | null } | null = null;
    if (body.event === 'forward' && !t.forwardedFromRegionCode && isHandler(actor, tipRecordOf(v)) && t.status !== 'concluding' && t.status !== 'concluded') {
      forwardTo = await forwardTarget(tx, v, body.forwardTo);
      Object.assign(set, { handlingRegionCode: forwardTo.regionCode, handlingAgencyId: forwardTo.agencyId, forwardedFromRegionCode: t.handlingRegionCode, forwardReason: body.reason?.trim() });
      Object.assign(payload, { to: forwardTo });
    }
    if (body.event === 'extend' && body.extendDays) {
      const deadline = await addTipWorkingDays(tx, t.deadline, body.extendDays);
      Object.assign(set, { deadline, extensionReason: body.reason?.trim() });
      Object.assign(payload, { days: body.extendDays, deadline });
    }
    if (body.event === 'submit_conclusion') Object.assign(set, { finding: body.finding, reply: body.reply?.trim(), measures: body.measures?.trim(), draftedBy: actor.userId });
    if (body.event === 'conclude') Object.assign(set, { concludedBy: actor.userId, concludedOn: today, publishedAt: now });
    await runTransition(tx, {
      machine: tipMachine,
      table: tipRepository.table,
      record: tipRecordOf(v),
      id,
      from: t.status as TipStatus,
      event: body.event,
      actor,
      now,
      regionCode: t.handlingRegionCode,
      reason: body.reason,
      version: body.version,
      facts: {
        forwarded: t.forwardedFromRegionCode !== null,
        extended: t.extensionReason !== null,
        extendDays: body.extendDays ?? null,
        forwardTo: body.forwardTo ?? null,
        finding: body.finding ?? null,
        reply: body.reply ?? null,
        measures: body.measures ?? null,
      },
      set,
      payload,
      effects: async () => {
        if (body.event === 'forward' && forwardTo) {
          await postSystemMessage(tx, id, '您的举报已依规转交有关单位办理。', now);
          await notifyOffice(tx, v, forwardTo, 'tip_forwarded', `【举报转办】${tipNo(t.receivedOn, id)}`, `举报已转交贵单位办理，办理期限 ${t.deadline}。`, now);
        }
        if (body.event === 'extend') await postSystemMessage(tx, id, `办理期限已依规延长至 ${set.deadline as string}。`, now);
        // The reply reaches the tipster's thread when the conclusion is approved (issue 13 "Closing requires a reply").
        if (body.event === 'conclude') await records.insertMessage(tx, { tipId: id, author: 'office', body: t.reply ?? '', userId: actor.userId, at: now });
      },
    });
    // A forward may move the tip out of the forwarder's reach: it still sees the result of its own move, once.
    const after = body.event === 'forward' ? await tipRepository.viewUnscoped(tx, id) : await readableTip(tx, actor, id);
    return presentReadable(tx, actor, after!, today);
  });
}

/** The office writes to the tipster (office → thread); refused once the tip is concluded. Audited without the text. */
export async function postOfficeMessage(db: Db, clock: Clock, actor: Actor, id: number, body: TipOfficeMessageBody): Promise<Tip> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    await tipRepository.lock(tx, id);
    const v = await readableTip(tx, actor, id);
    if (!isHandler(actor, tipRecordOf(v))) throw forbidden('只有承办单位可以答复举报人');
    if (v.t.status === 'concluded') throw conflict('该举报已办结，不能再发送消息');
    const m = await records.insertMessage(tx, { tipId: id, author: 'office', body: body.body, userId: actor.userId, at: now });
    await recordAudit(tx, actor, now, { action: 'tip.message', entityType: 'tip', entityId: id, regionCode: v.t.handlingRegionCode, after: { messageId: m.id } });
    return presentReadable(tx, actor, v, todayInChina(now));
  });
}
