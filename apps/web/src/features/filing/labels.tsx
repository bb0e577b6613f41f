import { FILING_KIND_LABELS, FILING_STATUS_LABELS, type FilingKind, type FilingStatus } from '@taotai/shared';
import { Tag, Typography } from 'antd';

const STATUS_COLORS: Record<FilingStatus, string> = {
  submitted: 'blue',
  received: 'cyan',
  accepted: 'green',
  returned: 'red',
  resubmitted: 'geekblue',
};

export const FilingStatusTag = ({ status }: { status: FilingStatus }) => <Tag color={STATUS_COLORS[status]}>{FILING_STATUS_LABELS[status]}</Tag>;

const KIND_COLORS: Partial<Record<FilingKind, string>> = { survey_result: 'purple', proposed_exit_list: 'orange', progress_report: 'cyan' };
export const KindTag = ({ kind }: { kind: FilingKind }) => <Tag color={KIND_COLORS[kind] ?? 'default'}>{FILING_KIND_LABELS[kind]}</Tag>;

/** Overdue labels in red, today in orange, the rest plain: a glance tells what is urgent. */
export function DeadlineText({ label }: { label: string }) {
  const type = label.startsWith('逾期') ? 'danger' : label === '今日到期' ? 'warning' : undefined;
  return (
    <Typography.Text type={type} strong={!!type}>
      {label}
    </Typography.Text>
  );
}

/** Status words for the calendar and lists, including the states of a period nothing was filed for. */
export function statusText(s: string | null): string {
  if (!s) return '—';
  if (s === 'overdue') return '逾期未报';
  if (s === 'pending') return '待报送';
  return FILING_STATUS_LABELS[s as FilingStatus] ?? s;
}
