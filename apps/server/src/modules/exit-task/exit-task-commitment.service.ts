import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { readableTask } from './exit-task.service.ts';
import { renderCommitmentDocx } from './exit-task-commitment-docx.ts';

/**
 * The enterprise's public commitment for one task, to print, sign, seal and upload as `commitment_scan`
 * before sealing. The dismantling deadline is the one being entered on the seal form when given (the task
 * has none before it is sealed), else the task's own, else its exit deadline.
 */
export async function commitmentDocument(db: Db, actor: Actor, id: number, dismantleDeadline?: string): Promise<{ fileName: string; body: Buffer }> {
  const v = await readableTask(db, actor, id);
  const body = await renderCommitmentDocx({
    enterpriseName: v.enterpriseName,
    uscc: v.uscc,
    legalRepresentative: v.legalRepresentative,
    regionName: v.regionName,
    year: v.year,
    lineName: v.lineName,
    specification: v.specification,
    industryName: v.industryName,
    capacity: Number(v.capacity),
    unitName: v.capacityUnitName,
    dismantleDeadline: dismantleDeadline ?? v.task.dismantleDeadline ?? v.task.exitDeadline,
  });
  return { fileName: `公开承诺书-${v.enterpriseName}-${v.lineName}.docx`, body };
}
