import { CASE_LIST_KIND_LABELS, CASE_STATUS_LABELS, type CaseSummary } from '@taotai/shared';
import { Tag, Typography } from 'antd';
import { CASE_STATUS_COLORS } from './case-api.ts';

export function CaseStatusTag({ c }: { c: Pick<CaseSummary, 'status' | 'list'> }) {
  return (
    <Tag color={CASE_STATUS_COLORS[c.status]} data-testid="case-status">
      {CASE_STATUS_LABELS[c.status]}
      {c.list ? `·${CASE_LIST_KIND_LABELS[c.list]}` : ''}
    </Tag>
  );
}

/** The deadline and the days left; red once it has passed (the case is then due for re-inspection). */
export function CaseDeadline({ c }: { c: Pick<CaseSummary, 'deadline' | 'daysLeft' | 'overdue' | 'status'> }) {
  if (c.status === 'stopped' && !c.deadline) return <Typography.Text type="danger">立即停产，复查合格后方可恢复生产</Typography.Text>;
  if (!c.deadline) return <>—</>;
  if (c.daysLeft === null) return <>{c.deadline}</>;
  return (
    <Typography.Text type={c.overdue ? 'danger' : undefined} data-testid="case-deadline">
      {c.deadline}（{c.overdue ? `已逾期 ${-c.daysLeft} 天` : c.daysLeft === 0 ? '今日到期' : `还剩 ${c.daysLeft} 天`}）
    </Typography.Text>
  );
}
