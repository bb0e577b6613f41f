import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { eliminationPlan, enterprise, exitTask, exitTaskEvidence, line, storedFile } from '../../db/schema/index.ts';

/** What the evidence checks at upload read (issue 10 §3): the same bytes elsewhere, and the task's photo times. */
export const evidenceCheckRepository = {
  /** Slots of this task already filled by a file with these bytes. */
  sameTask(tx: Db, taskId: number, sha256: string) {
    return tx
      .select({ kind: exitTaskEvidence.kind, name: storedFile.originalName })
      .from(exitTaskEvidence)
      .innerJoin(storedFile, eq(storedFile.id, exitTaskEvidence.fileId))
      .where(and(eq(exitTaskEvidence.taskId, taskId), eq(storedFile.sha256, sha256)));
  },
  /** Other tasks (of any enterprise) holding a file with these bytes. */
  otherTasks(tx: Db, taskId: number, sha256: string) {
    return tx
      .select({
        taskId: exitTaskEvidence.taskId,
        kind: exitTaskEvidence.kind,
        enterpriseId: exitTask.enterpriseId,
        enterpriseName: enterprise.name,
        lineName: line.name,
      })
      .from(exitTaskEvidence)
      .innerJoin(storedFile, eq(storedFile.id, exitTaskEvidence.fileId))
      .innerJoin(exitTask, eq(exitTask.id, exitTaskEvidence.taskId))
      .innerJoin(enterprise, eq(enterprise.id, exitTask.enterpriseId))
      .innerJoin(line, eq(line.id, exitTask.lineId))
      .where(and(ne(exitTaskEvidence.taskId, taskId), eq(storedFile.sha256, sha256)))
      .orderBy(asc(exitTaskEvidence.id))
      .limit(20);
  },
  /** Capture times already recorded on the task's photos. */
  photoTimes(tx: Db, taskId: number) {
    return tx
      .select({ kind: exitTaskEvidence.kind, takenAt: exitTaskEvidence.takenAt })
      .from(exitTaskEvidence)
      .where(eq(exitTaskEvidence.taskId, taskId));
  },
  async planApprovedAt(tx: Db, planId: number): Promise<Date | null> {
    const [r] = await tx.select({ at: eliminationPlan.approvedAt }).from(eliminationPlan).where(eq(eliminationPlan.id, planId));
    return r?.at ?? null;
  },
};
