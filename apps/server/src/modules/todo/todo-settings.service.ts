import { TODO_REMIND_WORKING_DAYS_DEFAULT, TodoSettings } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { settingsRepository } from '../../platform/settings/settings.repository.ts';

const KEY = 'todo';
const DEFAULTS: TodoSettings = { remindWorkingDaysBefore: TODO_REMIND_WORKING_DAYS_DEFAULT };

/** 待办提醒设置: the stored value over the default; a stored value the contract no longer accepts reads as the default. */
export async function getTodoSettings(db: Db): Promise<TodoSettings> {
  const stored = await settingsRepository.get(db, KEY);
  const parsed = TodoSettings.safeParse(stored && typeof stored === 'object' ? { ...DEFAULTS, ...stored } : DEFAULTS);
  return parsed.success ? parsed.data : DEFAULTS;
}

/**
 * The admin changes the lead time of the reminder before a 待办 falls due (issue 11). National, like 安全设置:
 * the route asks `settings:manage`; the change and its before/after are audited in the same transaction.
 */
export async function updateTodoSettings(db: Db, clock: Clock, actor: Actor, body: TodoSettings): Promise<TodoSettings> {
  const after = TodoSettings.parse(body);
  await db.transaction(async (tx) => {
    const before = await getTodoSettings(tx);
    await settingsRepository.put(tx, KEY, after);
    await recordAudit(tx, actor, clock.now(), { action: 'settings.update', entityType: 'setting', entityId: KEY, before, after });
  });
  return after;
}
