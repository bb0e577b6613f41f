import { TIP_DEFAULT_DEADLINE_WORKING_DAYS, type TipSettings, type TipSettingsBody, type TipSummary } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { forbidden } from '../../platform/errors.ts';
import { tipPolicy } from './tip.policy.ts';
import { tipRepository } from './tip.repository.ts';
import { tipSettingRepository } from './tip-setting.repository.ts';

/** The dashboard card (issue 13 "overdue tips escalate to the level above and show on its dashboard"). */
export async function tipSummary(db: Db, clock: Clock, actor: Actor): Promise<TipSummary> {
  const reach = tipPolicy.reach(actor);
  if (!reach) return { open: 0, overdue: 0, escalatedToMe: 0, concludedThisYear: 0 };
  return tipRepository.summary(db, reach, todayInChina(clock.now()), actor.regionCode);
}

/** Only a group office sets its own region's deadline (issue 13 "configurable per region"). */
const mayConfigure = (actor: Actor) => actor.role === 'group_office' && actor.regionLevel !== 'township' && actor.regionLevel !== 'park';

export async function getTipSettings(db: Db, actor: Actor): Promise<TipSettings> {
  if (!mayConfigure(actor)) throw forbidden('举报办理期限由本级领导小组办公室设置');
  const days = await tipSettingRepository.deadlineDays(db, actor.regionCode);
  return { regionCode: actor.regionCode, deadlineWorkingDays: days ?? TIP_DEFAULT_DEADLINE_WORKING_DAYS, isDefault: days === null };
}

/** Applies to tips filed from now on (a running deadline is never moved by a setting); audited. */
export async function saveTipSettings(db: Db, clock: Clock, actor: Actor, body: TipSettingsBody): Promise<TipSettings> {
  if (!mayConfigure(actor)) throw forbidden('举报办理期限由本级领导小组办公室设置');
  const now = clock.now();
  await db.transaction(async (tx) => {
    const before = await tipSettingRepository.deadlineDays(tx, actor.regionCode);
    await tipSettingRepository.save(tx, actor.regionCode, body.deadlineWorkingDays, actor.userId, now);
    await recordAudit(tx, actor, now, {
      action: 'tip.settings',
      entityType: 'tip_setting',
      regionCode: actor.regionCode,
      before: { deadlineWorkingDays: before ?? TIP_DEFAULT_DEADLINE_WORKING_DAYS },
      after: { deadlineWorkingDays: body.deadlineWorkingDays },
    });
  });
  return getTipSettings(db, actor);
}
