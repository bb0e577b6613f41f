import type { Db } from '../../db/client.ts';
import { recordAudit, systemSubject } from '../../platform/audit/audit.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { approvingRegionOf } from '../../platform/lifecycle/index.ts';
import { notify } from '../notification/index.ts';
import { tipNo } from './tip.presenter.ts';
import { tipRecordRepository as records } from './tip-record.repository.ts';
import { tipRepository } from './tip.repository.ts';

/**
 * 逾期提级督办 (issue 13 "overdue tips escalate to the level above and show on its dashboard"; ADR 0025): every tip
 * past its deadline (Beijing date) and not concluded is escalated once to the level above its handling region in
 * the reporting chain (`approvingRegionOf`: 巩义 → 河南省), audited, and that level's office is told. Idempotent: the
 * update only takes a tip not yet escalated, and each notice has a dedupe key, so a re-run (or two at once) does nothing twice.
 */
export async function runTipEscalation(ctx: { db: Db; clock: Clock }): Promise<{ at: string; today: string; created: number }> {
  const { db, clock } = ctx;
  const now = clock.now();
  const today = todayInChina(now);
  let created = 0;
  for (const v of await tipRepository.overdueNotEscalated(db, today)) {
    const to = approvingRegionOf(v.handlingRegion);
    if (!to) continue; // a province's own tips have no level above in the chain
    const done = await db.transaction(async (tx) => {
      if (!(await tipRepository.markEscalated(tx, v.t.id, to, now))) return false;
      await recordAudit(tx, systemSubject('tip-escalation'), now, {
        action: 'tip.escalated',
        entityType: 'tip',
        entityId: v.t.id,
        regionCode: v.t.handlingRegionCode,
        after: { escalatedToRegionCode: to, deadline: v.t.deadline, today },
      });
      const no = tipNo(v.t.receivedOn, v.t.id);
      const users = await records.officeUsers(tx, { regionCode: to, agencyId: null, leaders: true });
      await notify(
        tx,
        users.map((userId) => ({
          userId,
          kind: 'tip_escalated',
          title: `【举报逾期提级督办】${no}`,
          body: `${v.handlingRegion.name}承办的举报 ${no} 办理期限 ${v.t.deadline} 已过仍未办结，已提级由贵级督办。`,
          entityType: 'tip',
          entityId: String(v.t.id),
          link: `/tips/${v.t.id}`,
          dedupeKey: `tip_escalated:${userId}:tip:${v.t.id}`,
          createdAt: now,
        })),
      );
      return true;
    });
    if (done) created++;
  }
  return { at: now.toISOString(), today, created };
}
