import { JOINT_NOTICE_DUE_WORKING_DAYS, JOINT_NOTICE_ITEM_STATUS_LABELS, type JointNoticeItemStatus } from '@taotai/shared';
import type { Actor } from '../../platform/access/actor.ts';
import type { Machine } from '../../platform/lifecycle/index.ts';

export interface ItemRecord {
  agencyId: number;
}

/**
 * One item of the post-deadline joint notice (001 第五篇 §五): pending until the addressed department records its
 * execution (date and document number); overdue in the office's list after JOINT_NOTICE_DUE_WORKING_DAYS.
 */
export const noticeItemMachine: Machine<JointNoticeItemStatus, 'execute', ItemRecord> = {
  entityType: 'joint_notice_item',
  noun: '联合通知事项',
  statusLabels: JOINT_NOTICE_ITEM_STATUS_LABELS,
  eventLabels: { execute: '登记执行' },
  transitions: [{ from: 'pending', event: 'execute', to: 'executed', by: 'addressee', awaits: { kind: 'execute', dueWorkingDays: JOINT_NOTICE_DUE_WORKING_DAYS } }],
  relations: {
    addressee: (actor: Actor, r: ItemRecord) => (actor.role === 'member_agency' && actor.agencyId === r.agencyId ? null : '由通知送达的执行部门登记'),
  },
};
