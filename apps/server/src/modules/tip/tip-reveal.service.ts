import type { TipIdentity, TipRevealBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { type SealKey, unsealText } from '../../platform/crypto/seal.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { notify } from '../notification/index.ts';
import { tipNo } from './tip.presenter.ts';
import { tipRecordRepository as records } from './tip-record.repository.ts';
import { tipRepository } from './tip.repository.ts';
import { tipPolicy } from './tip.policy.ts';
import { postSystemMessage } from './tip-transition.service.ts';

/** What the thread says when the identity was looked at: that it happened, never by whom. */
export const REVEAL_NOTICE = '举报人身份已由身份保管人依规查看';

/**
 * 查看举报人身份 (issue 13 "Sealed identity", ADR 0025): only an identity custodian (身份保管人) of the tip's handling
 * region or above, giving a reason. Everyone else — the handling office included — gets 404, as if there were no
 * such tip. The reveal is audited with the reason (never the identity), the tipster's thread is told, and so is
 * the handling office; all in one transaction.
 */
export async function revealTipIdentity(db: Db, clock: Clock, key: SealKey, actor: Actor, id: number, body: TipRevealBody): Promise<TipIdentity> {
  const reach = actor.role === 'identity_custodian' ? tipPolicy.reach(actor) : null;
  if (!reach) throw notFound('举报');
  const now = clock.now();
  return db.transaction(async (tx) => {
    await tipRepository.lock(tx, id);
    const v = await tipRepository.viewById(tx, reach, id);
    if (!v) throw notFound('举报');
    if (!v.t.identitySealed) throw conflict('该举报为匿名举报，没有可查看的身份');
    const identity = JSON.parse(unsealText(key, v.t.identitySealed)) as { name?: string; realName?: string; phone?: string | null; idNumber?: string | null };
    await tipRepository.markRevealed(tx, id, now);
    await recordAudit(tx, actor, now, {
      action: 'tip.identity_revealed',
      entityType: 'tip',
      entityId: id,
      regionCode: v.t.handlingRegionCode,
      after: { reason: body.reason },
    });
    await postSystemMessage(tx, id, REVEAL_NOTICE, now);
    const no = tipNo(v.t.receivedOn, id);
    const users = await records.officeUsers(tx, { regionCode: v.t.handlingRegionCode, agencyId: v.t.handlingAgencyId });
    await notify(
      tx,
      users.map((userId) => ({
        userId,
        kind: 'tip_identity_revealed',
        title: `【举报人身份已被查看】${no}`,
        body: `身份保管人已依规查看举报 ${no} 的举报人身份，理由已记入审计日志。`,
        entityType: 'tip',
        entityId: String(id),
        link: `/tips/${id}`,
        dedupeKey: `tip_identity_revealed:${userId}:tip:${id}:${now.getTime()}`,
        createdAt: now,
      })),
    );
    return { name: identity.name ?? identity.realName ?? '', phone: identity.phone ?? null, idNumber: identity.idNumber ?? null };
  });
}
