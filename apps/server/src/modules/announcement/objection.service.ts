import { randomInt } from 'node:crypto';
import type { LifecycleEntry, Objection, ObjectionAnswerBody, ObjectionState, ObjectionBody, ObjectionPhone, ObjectionReceipt, ObjectionRevealBody, ObjectionStatus } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { type AuditSubject, recordAudit, systemSubject } from '../../platform/audit/audit.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { maskPhone, type SealKey, sealedLookupHash, sealText, unsealText } from '../../platform/crypto/seal.ts';
import { AppError, conflict, forbidden, invalid } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { availableEvents, readHistory, refusalOf, runTransition, transitionFor } from '../../platform/lifecycle/index.ts';
import { notify } from '../notification/index.ts';
import type { RegionRow } from '../region/index.ts';
import { officeUsersOf } from '../user/index.ts';
import { documentSettingsFor } from '../office-settings/index.ts';
import { noticeOf, presentObjection, presentObjectionStatus } from './announcement.presenter.ts';
import { type ObjectionRow, announcementRepository as repo } from './announcement.repository.ts';
import { readableAnnouncement } from './announcement.service.ts';
import { objectionMachine } from './objection.machine.ts';
import { objectionRepository } from './objection.repository.ts';
import { publicAnnouncement } from './public.service.ts';

// No 0/O or 1/I: the code is read off a phone screen and typed back in.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const newReceiptCode = () => `YY${Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;

const NO_RECEIPT = '未找到该受理编号的异议，请核对受理编号和提交时填写的手机号码（未填写手机号码的，手机号码留空）';

/**
 * Personal data of the public (issue 9, ADR 0010): the phone is sealed (SM4 + HMAC-SM3) with a keyed hash beside
 * it for the receipt look-up. The client address is not kept at all, not even as a keyed hash (issue 13 "What is
 * never kept", ADR 0025): `ip_hash` is no longer written and migration objection_ip_hash_cleared emptied it.
 */
export const sealPhone = (key: SealKey, phone: string | null | undefined) =>
  phone ? { phoneSealed: sealText(key, phone), phoneHash: sealedLookupHash(key, `phone:${phone}`) } : { phoneSealed: null, phoneHash: null };
const maskedPhoneOf = (key: SealKey, o: { phoneSealed: string | null }) => (o.phoneSealed ? maskPhone(unsealText(key, o.phoneSealed)) : null);

/**
 * Anyone files an objection while the public notice's notice period is open (Beijing date ≤ its last day).
 * The citizen gets a receipt code to look up the answer with the same phone number.
 */
export async function fileObjection(
  db: Db,
  clock: Clock,
  key: SealKey,
  id: number,
  body: ObjectionBody,
): Promise<ObjectionReceipt> {
  const now = clock.now();
  const a = await publicAnnouncement(db, id);
  if (a.form !== 'public_notice') throw conflict('本公告不设公示期，不受理异议；如需反映问题，请与发布单位联系');
  const notice = noticeOf(a, await getCalendar(db), todayInChina(now));
  if (!notice?.open) throw conflict(`该公示的公示期已于${a.noticeEndDate}结束，不再受理异议`);
  if (body.itemId) {
    const item = await repo.itemById(db, id, body.itemId);
    if (!item) throw invalid('所选名单条目不属于本公示，请重新选择', [{ path: 'itemId', message: '所选条目不属于本公示' }]);
  }
  // The citizen's address is not kept in clear anywhere, the audit trail included.
  const who: AuditSubject = { userId: null, username: 'public', ip: null };
  for (let attempt = 0; ; attempt++) {
    const receiptCode = newReceiptCode();
    try {
      return await db.transaction(async (tx) => {
        const row = await repo.insertObjection(tx, {
          announcementId: id,
          itemId: body.itemId ?? null,
          receiptCode,
          content: body.content,
          name: body.name || null,
          ...sealPhone(key, body.phone),
          ipHash: null,
          filedAt: now,
        });
        // The phone number stays sealed in the objection table; the audit trail keeps only a masked copy.
        await recordAudit(tx, who, now, {
          action: 'announcement.objection',
          entityType: 'announcement',
          entityId: id,
          regionCode: a.regionCode,
          after: { objectionId: row.id, receiptCode, itemId: row.itemId, content: row.content, name: row.name, phone: body.phone ? maskPhone(body.phone) : null },
        });
        // The issuing office must answer within the notice period: it hears of the objection at once.
        const office = await officeUsersOf(tx, a.regionCode);
        await notify(
          tx,
          office.map((u) => ({
            userId: u.id,
            kind: 'objection_filed',
            title: `【收到异议】${a.title}`,
            body: `受理编号 ${receiptCode}：${row.content.slice(0, 80)}${row.content.length > 80 ? '…' : ''}（公示期至 ${a.noticeEndDate}）`,
            entityType: 'announcement',
            entityId: String(id),
            link: `/announcements/${id}`,
            dedupeKey: `objection_filed:${row.id}:${u.id}`,
            createdAt: now,
          })),
        );
        return { receiptCode, filedAt: row.filedAt.toISOString() };
      });
    } catch (err) {
      if (attempt < 3 && isUniqueViolation(err)) continue;
      throw err;
    }
  }
}

/** The objection and its answer, for whoever holds the receipt code and the phone number filed with it. */
export async function lookupObjection(db: Db, key: SealKey, code: string, phone: string | undefined): Promise<ObjectionStatus> {
  const o = await repo.objectionByReceipt(db, code.toUpperCase());
  // Compared by keyed hash: the number is never unsealed for the public. No phone filed → none may be given.
  const given = phone ? sealedLookupHash(key, `phone:${phone}`) : null;
  if (!o || o.phoneHash !== given) throw new AppError(404, 'not_found', NO_RECEIPT);
  const a = await repo.viewById(db, o.announcementId);
  // The public answer names the office that gives it: the issuing region's office, as it signs (office settings).
  const answeredBy = a && o.answeredAt ? (await documentSettingsFor(db, a.regionCode)).signingOrgan : null;
  return presentObjectionStatus(o, a?.title ?? '', answeredBy);
}

const eventsOf = (actor: Actor, region: RegionRow, o: { status: string }) => availableEvents(objectionMachine, actor, { region }, o.status as ObjectionState);

export async function listObjections(db: Db, key: SealKey, actor: Actor, id: number): Promise<Objection[]> {
  const { region } = await readableAnnouncement(db, actor, id);
  const [rows, items] = await Promise.all([repo.objections(db, id), repo.items(db, id)]);
  const byId = new Map(items.map((i) => [i.id, i]));
  return rows.map((o) => presentObjection(o, o.itemId ? byId.get(o.itemId) : undefined, maskedPhoneOf(key, o), eventsOf(actor, region, o)));
}

/**
 * An objection's timeline (履历, issue 10 §1): its answer with who and when, as every lifecycle keeps it. Read like
 * the list: the 公示 through the scope (404 outside it), and an id of another 公示's objection is 404 as missing.
 */
export async function objectionHistory(db: Db, actor: Actor, id: number, objectionId: number): Promise<LifecycleEntry[]> {
  await readableAnnouncement(db, actor, id);
  const o = await repo.objectionById(db, id, objectionId);
  if (!o) throw new AppError(404, 'not_found', '异议不存在或无权访问');
  return readHistory(db, objectionMachine, o.id);
}

/**
 * The full number, for an identity custodian (身份保管人) of the issuing region or above only, giving a reason (issue
 * 13: "The objection form on announcements gets the same treatment" as a tipster's identity; ADR 0025). Everyone
 * else — the issuing office included — gets 404. Like revealTipIdentity: the reveal is audited with the reason
 * (never the number) and the issuing office is told, in one transaction.
 */
export async function revealObjectionPhone(
  db: Db,
  clock: Clock,
  key: SealKey,
  actor: Actor,
  id: number,
  objectionId: number,
  body: ObjectionRevealBody,
): Promise<ObjectionPhone> {
  if (actor.role !== 'identity_custodian') throw new AppError(404, 'not_found', '异议不存在或无权访问');
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { view, region } = await readableAnnouncement(tx, actor, id);
    const o = await repo.objectionById(tx, id, objectionId);
    if (!o) throw new AppError(404, 'not_found', '异议不存在或无权访问');
    if (!o.phoneSealed) throw conflict('提出人未填写手机号码');
    await recordAudit(tx, actor, now, {
      action: 'announcement.objection_phone_reveal',
      entityType: 'announcement',
      entityId: id,
      regionCode: region.code,
      after: { objectionId: o.id, receiptCode: o.receiptCode, reason: body.reason },
    });
    // The issuing office answers the objection; it hears that the number was looked at, not the number or by whom.
    const office = await officeUsersOf(tx, view.regionCode);
    await notify(
      tx,
      office.map((u) => ({
        userId: u.id,
        kind: 'objection_phone_revealed',
        title: `【异议人号码已被查看】${view.title}`,
        body: `身份保管人已依规查看异议（受理编号 ${o.receiptCode}）提出人的完整手机号码，事由已记入审计日志。`,
        entityType: 'announcement',
        entityId: String(id),
        link: `/announcements/${id}`,
        dedupeKey: `objection_phone_revealed:${u.id}:objection:${o.id}:${now.getTime()}`,
        createdAt: now,
      })),
    );
    return { phone: unsealText(key, o.phoneSealed) };
  });
}

/** The issuing office answers each objection once; who and when are recorded with it. */
export async function answerObjection(
  db: Db,
  clock: Clock,
  key: SealKey,
  actor: Actor,
  id: number,
  objectionId: number,
  body: ObjectionAnswerBody,
): Promise<Objection> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { region } = await readableAnnouncement(tx, actor, id);
    const o = await repo.objectionById(tx, id, objectionId);
    if (!o) throw new AppError(404, 'not_found', '异议不存在或无权访问');
    if (o.status !== 'open') {
      // An answer is final; the office is told so in words, not the machine's generic refusal.
      const t = transitionFor(objectionMachine, 'open', 'objection_answer')!;
      const refusal = refusalOf(objectionMachine, t, actor, { region });
      throw refusal ? forbidden(refusal) : conflict('该异议已答复，答复不能修改');
    }
    const { row } = await runTransition(tx, {
      machine: objectionMachine,
      table: objectionRepository.table,
      record: { region },
      id: o.id,
      from: 'open',
      event: 'objection_answer',
      actor,
      now,
      regionCode: region.code,
      version: body.version,
      set: { answer: body.answer, answeredBy: actor.userId, answeredByName: actor.displayName, answeredAt: now },
      payload: { announcementId: id, objectionId: o.id, receiptCode: o.receiptCode, answer: body.answer },
    });
    const after = row as ObjectionRow;
    const item = o.itemId ? await repo.itemById(tx, id, o.itemId) : null;
    return presentObjection(after, item ?? undefined, maskedPhoneOf(key, after), eventsOf(actor, region, after));
  });
}

/**
 * Seals phones and replaces addresses by keyed hashes in rows filed before sealing (a migration cannot: it has no
 * key). Run at boot after the migrations; a row already sealed is skipped, so it is safe to run every start.
 */
export async function sealLegacyObjections(db: Db, key: SealKey): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await objectionRepository.legacyClear(db, 500);
    if (rows.length === 0) return done;
    for (const r of rows) {
      const set = { ...sealPhone(key, r.phone), ipHash: null };
      const sealed = await db.transaction(async (tx) => {
        if (!(await objectionRepository.sealLegacy(tx, r.id, set))) return false;
        await recordAudit(tx, systemSubject('boot'), new Date(), { action: 'announcement.objection_sealed', entityType: 'announcement_objection', entityId: r.id });
        return true;
      });
      if (sealed) done++;
    }
  }
}
