import { EXIT_TASK_STATUS_LABELS, type ExitTaskStatus } from '@taotai/shared';
import { Tag, Typography } from 'antd';
import { EXIT_STATUS_COLORS } from './exit-task-api.ts';

export function ExitStatusTag({ status }: { status: ExitTaskStatus }) {
  return (
    <Tag color={EXIT_STATUS_COLORS[status]} data-testid="exit-status">
      {EXIT_TASK_STATUS_LABELS[status]}
    </Tag>
  );
}

/** 逾期 N 天 in red, 今日到期 in orange, 剩余 N 个工作日 plain; no label (dismantled, accepted, closed) as a dash. */
export function TaskDeadline({ label, due, stacked }: { label: string | null; due?: string | null; stacked?: boolean }) {
  if (!label) return <Typography.Text type="secondary">—</Typography.Text>;
  const type = label.startsWith('逾期') ? 'danger' : label === '今日到期' ? 'warning' : undefined;
  const text = (
    <Typography.Text type={type} strong={!!type} data-testid="task-deadline">
      {label}
    </Typography.Text>
  );
  if (!due) return text;
  // In a table cell the date goes under the label; in a description line beside it.
  return stacked ? (
    <div>
      {text}
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {due}
        </Typography.Text>
      </div>
    </div>
  ) : (
    <span>
      {text}
      <Typography.Text type="secondary">（{due}）</Typography.Text>
    </span>
  );
}

/** The date the label counts to (mirrors the server: dismantling when sealed, exit while planned). */
export const dueOf = (t: { status: ExitTaskStatus; exitDeadline: string; dismantleDeadline: string | null }) =>
  t.status === 'sealed' ? (t.dismantleDeadline ?? t.exitDeadline) : t.status === 'planned' ? t.exitDeadline : null;
