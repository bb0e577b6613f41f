import type { InspectionLeaderAccount } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import { ancestryOf, type RegionRow, regionRepository } from '../region/index.ts';
import { activeUserRowsAt } from '../user/index.ts';
import { inspectionPolicy } from './inspection.policy.ts';

/**
 * 检查组组长's account (issue 10 §2): an active group-office account of the round's region or a level above,
 * never the clerk who forms the round (四眼原则, DUTY_RULES.inspectionSelf). Offices only: the leader's
 * conclusion accepts or rejects the exit tasks in the same transaction, and the exit-task machine lets
 * offices fire those (a 'leader' role account would be refused there, and widening that relation would
 * reroute every exit task's 待验收 to-do). The to-do reaches offices of these levels (modules/todo whoMayAct).
 */
const LEADER_ROLES = ['group_office'];

const chainOf = (r: RegionRow) => [...new Set([r.code, r.countyCode, r.prefectureCode, r.provinceCode].filter((x): x is string => !!x))];

async function eligible(db: Db, region: RegionRow): Promise<InspectionLeaderAccount[]> {
  const rows = await activeUserRowsAt(db, LEADER_ROLES, chainOf(region));
  return rows.map((u) => ({ id: u.id, displayName: u.displayName, regionCode: u.regionCode, role: u.role }));
}

/** The accounts the round form offers as leader, for a region the actor may organise a round in. */
export async function listLeaderAccounts(db: Db, actor: Actor, regionCode: string | undefined): Promise<InspectionLeaderAccount[]> {
  const region = await regionRepository.byCode(db, regionCode ?? actor.regionCode);
  if (!region || !inspectionPolicy.canRead(actor, ancestryOf(region))) throw notFound('行政区划');
  if (!inspectionPolicy.canWrite(actor, ancestryOf(region))) throw forbidden('只有本级或上级领导小组办公室可以组织检查验收');
  // The clerk choosing is never eligible for their own round.
  return (await eligible(db, region)).filter((u) => u.id !== actor.userId);
}

const LEADER_PATH = 'leaderUserId';

/** Checks the chosen leader account against the round's region and its former; null stays null. */
export async function checkLeader(db: Db, region: RegionRow, leaderUserId: number | null, formedBy: number | null): Promise<number | null> {
  if (leaderUserId === null) return null;
  if (leaderUserId === formedBy) {
    const message = '组建检查批次的人员不能担任本批次检查组组长（验收结论须由检查组组长签署）';
    throw invalid(message, [{ path: LEADER_PATH, message }]);
  }
  if (!(await eligible(db, region)).some((u) => u.id === leaderUserId)) {
    const message = '检查组组长账号须为本级或上级领导小组办公室的有效账号';
    throw invalid(message, [{ path: LEADER_PATH, message }]);
  }
  return leaderUserId;
}
