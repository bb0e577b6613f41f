import type { JointPunishmentCandidate } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';
import { exitTaskOverdueRepository } from '../exit-task/index.ts';
import { caseLinkRepository } from '../non-compliance-case/index.ts';
import { jointPunishmentRepository as repo } from './joint-punishment.repository.ts';

type Where = { column: ScopeColumn; code: string } | { enterpriseIds: number[] };

/**
 * The proposed candidates (002 §三(八); 001 第五篇 §五): every enterprise with an exit task past its exit deadline
 * and not accepted, and every enterprise red-listed (closure ordered) that is still producing. One candidate per
 * enterprise and ground, named by its first overdue task or its red case.
 */
export async function candidatesIn(db: Db, today: string, where: Where): Promise<JointPunishmentCandidate[]> {
  const tasks = await exitTaskOverdueRepository.overdue(db, today, where);
  const red = await caseLinkRepository.redCasesOfProducing(db, where);
  const ids = [...new Set([...tasks.map((t) => t.enterpriseId), ...red.map((r) => r.enterpriseId)])];
  const ents = new Map((await repo.enterprises(db, ids)).map((e) => [e.id, e]));
  const out: JointPunishmentCandidate[] = [];
  const seen = new Set<string>();
  for (const t of tasks) {
    const e = ents.get(t.enterpriseId);
    if (!e || seen.has(`${e.id}:missed`)) continue;
    seen.add(`${e.id}:missed`);
    out.push({
      enterpriseId: e.id,
      enterpriseName: e.name,
      uscc: e.uscc,
      regionCode: e.regionCode,
      ground: 'missed_exit_deadline',
      basis: `${t.lineName}退出期限${t.exitDeadline}已过，尚未通过验收`,
      exitTaskId: t.taskId,
      caseId: null,
    });
  }
  for (const r of red) {
    const e = ents.get(r.enterpriseId);
    if (!e || seen.has(`${e.id}:red`)) continue;
    seen.add(`${e.id}:red`);
    const decision = r.closureDecisionNo ? `，关闭决定${r.closureDecisionNo}` : '';
    out.push({
      enterpriseId: e.id,
      enterpriseName: e.name,
      uscc: e.uscc,
      regionCode: e.regionCode,
      ground: 'red_listed_producing',
      basis: `经复查仍不达标列入红牌（${r.decisionNo}${decision}），仍在生产`,
      exitTaskId: null,
      caseId: r.caseId,
    });
  }
  return out;
}
