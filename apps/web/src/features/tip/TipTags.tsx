import { TIP_STATUS_LABELS, type TipListItem } from '@taotai/shared';
import { Space, Tag, Typography } from 'antd';
import { ProvisionalDate, provisionalAsCounted } from '../../shared/ProvisionalDate.tsx';
import { TIP_STATUS_COLORS } from './tip-api.ts';

export function TipStatusTag({ t }: { t: Pick<TipListItem, 'status'> }) {
  return (
    <Tag color={TIP_STATUS_COLORS[t.status]} data-testid="tip-status">
      {TIP_STATUS_LABELS[t.status]}
    </Tag>
  );
}

/** 逾期 (past the deadline, not concluded) and 升级督办 (escalated to the level above), as the case list tags its rows. */
export function TipFlags({ t }: { t: Pick<TipListItem, 'overdue' | 'escalated'> }) {
  if (!t.overdue && !t.escalated) return null;
  return (
    <Space size={4} wrap>
      {t.overdue && (
        <Tag color="red" data-testid="tip-overdue">
          逾期
        </Tag>
      )}
      {t.escalated && (
        <Tag color="volcano" data-testid="tip-escalated">
          升级督办
        </Tag>
      )}
    </Space>
  );
}

/** The deadline, red once passed; 已延期 when it was moved (the original is on the detail page). */
export function TipDeadline({ t }: { t: Pick<TipListItem, 'deadline' | 'deadlineProvisional' | 'overdue' | 'status'> & { originalDeadline?: string } }) {
  const extended = t.originalDeadline && t.originalDeadline !== t.deadline;
  return (
    <Typography.Text type={t.overdue ? 'danger' : undefined} data-testid="tip-deadline">
      <ProvisionalDate date={t.deadline} provisional={t.deadlineProvisional} why={provisionalAsCounted(t.deadline)} />
      {extended ? '（已延期）' : ''}
      {t.overdue ? '（已逾期）' : ''}
    </Typography.Text>
  );
}
