import type { Actor } from '../../platform/access/actor.ts';
import type { FlagRow } from './data-quality.repository.ts';

/** Roles that read the data-quality view of their region (offices, leaders, member agencies, auditors). */
const READERS = new Set(['admin', 'auditor', 'group_office', 'leader', 'member_agency']);

export const mayReadFlags = (actor: Pick<Actor, 'role'>): boolean => READERS.has(actor.role);

/**
 * A flag goes to the level above (issue 10 §3): it is resolved by a group office above the flagged
 * region (or the admin), never by whoever raised it — a filer does not clear the doubt on their own record.
 */
export function resolveRefusal(actor: Pick<Actor, 'role' | 'userId' | 'regionCode'>, flag: Pick<FlagRow, 'status' | 'raisedBy' | 'regionCode'>): string | null {
  if (actor.role !== 'group_office' && actor.role !== 'admin') return '只有领导小组办公室可以处理数据质量标记';
  if (flag.raisedBy !== null && flag.raisedBy === actor.userId) return '本人操作引发的数据质量标记须由上级处理';
  if (actor.role !== 'admin' && flag.regionCode === actor.regionCode) return '本单位的数据质量标记须由上级单位处理';
  return null;
}

export const mayResolve = (actor: Pick<Actor, 'role' | 'userId' | 'regionCode'>, flag: FlagRow): boolean =>
  flag.status === 'open' && resolveRefusal(actor, flag) === null;
