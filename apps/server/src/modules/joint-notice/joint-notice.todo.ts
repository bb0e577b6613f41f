import { JOINT_NOTICE_ACTION_LABELS, type JointNoticeAction } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { AwaitingCandidate, AwaitingSource } from '../../platform/lifecycle/index.ts';
import { type ItemRecord, noticeItemMachine } from './joint-notice.machine.ts';
import { type ItemView, jointNoticeRepository as repo } from './joint-notice.repository.ts';

const candidateOf = (v: ItemView): AwaitingCandidate<ItemRecord> => ({
  id: v.i.id,
  status: v.i.status,
  record: { agencyId: v.i.agencyId },
  title: `${v.enterpriseName} ${JOINT_NOTICE_ACTION_LABELS[v.i.action as JointNoticeAction] ?? v.i.action}`,
  regionCode: v.regionCode,
  link: `/joint-notices/${v.i.noticeId}`,
  since: v.i.updatedAt,
});

/** A notice item waits for its department to execute it and record the execution. */
export const noticeItemTodoSource: AwaitingSource<ItemRecord> = {
  machine: noticeItemMachine,
  kindLabel: '到期联合通知',
  async candidates(db: Db, reach: Actor | null, statuses: string[], limit: number) {
    if (reach && (reach.role !== 'member_agency' || reach.agencyId === null)) return [];
    return (await repo.pendingItems(db, reach ? reach.agencyId : null, statuses, limit)).map(candidateOf);
  },
  async one(db: Db, id: number) {
    const v = await repo.itemById(db, id);
    return v ? candidateOf(v) : null;
  },
};
