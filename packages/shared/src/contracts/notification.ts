import { z } from 'zod';
import { listQueryFields } from './list.ts';

export const NOTIFICATION_KINDS = ['filing_due_soon', 'filing_overdue', 'filing_returned', 'dismantle_due_soon', 'dismantle_overdue', 'objection_filed'] as const;
export const NOTIFICATION_KIND_LABELS: Record<string, string> = {
  filing_due_soon: '报送即将到期',
  filing_overdue: '报送已逾期',
  filing_returned: '报送被退回',
  dismantle_due_soon: '拆除期限临近',
  dismantle_overdue: '拆除逾期',
  objection_filed: '收到异议',
  objection_phone_revealed: '异议人号码已被查看',
  tip_identity_revealed: '举报人身份已被查看',
  tip_escalated: '逾期举报升级督办',
  todo_arrived: '新待办',
  todo_due_soon: '待办即将到期',
  todo_overdue: '待办已超期',
};

export const Notification = z.object({
  id: z.number().int(),
  /** One of NOTIFICATION_KINDS (other modules may add kinds). */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  /** Path in the web app to open, e.g. /filing-requirements/12?period=2026-04. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationFilterQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
// Sortable by the notification number only: notification_user_idx (user_id, id) serves both directions.
export const NotificationQuery = NotificationFilterQuery.extend(listQueryFields({ id: '编号' }, '-id'));
export type NotificationQuery = z.infer<typeof NotificationQuery>;

export const UnreadCount = z.object({ count: z.number().int() });
