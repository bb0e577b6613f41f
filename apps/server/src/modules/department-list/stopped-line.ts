import type { Db } from '../../db/client.ts';
import { caseLinkRepository } from '../non-compliance-case/index.ts';

export interface StoppedLine {
  lineId: number;
  caseId: number;
  enterpriseId: number;
  regionCode: string;
  lineName: string;
  enterpriseName: string;
  deadline: string | null;
  status: string;
}

/**
 * 002 §二(一)6: capacity that fails a criterion but has stopped must be rectified or put into elimination. A line
 * in a case of state `stopped` (安全, no date: it counts at once) or `suspended` (环保 停产整治) past its deadline,
 * neither rectified nor in any plan, is what the data-quality sweep flags; the flag resolves itself when the case
 * is concluded or the line enters a plan.
 */
export function stoppedLinesUnresolved(db: Db, province: string | null, today: string): Promise<StoppedLine[]> {
  const reach = { scope: province ? { column: 'provinceCode' as const, code: province } : null, agencyId: null, enterpriseId: null };
  return caseLinkRepository.stoppedPastDeadline(db, reach, today);
}
