import {
  CRITERION_LABELS,
  type Criterion,
  ENTERPRISE_STATUS_LABELS,
  type EnterpriseStatus,
  LINE_STATUS_LABELS,
  type LineStatus,
} from '@taotai/shared';
import { Tag } from 'antd';

const STATUS_COLORS: Record<EnterpriseStatus, string> = {
  operating: 'orange',
  exiting: 'blue',
  exited: 'green',
  closed: 'default',
};
const LINE_STATUS_COLORS: Record<LineStatus, string> = {
  registered: 'default',
  planned: 'blue',
  stopped: 'orange',
  eliminated: 'green',
};
const CRITERION_COLORS: Record<Criterion, string> = {
  energy: 'gold',
  environment: 'green',
  quality: 'purple',
  safety: 'red',
  technology: 'geekblue',
};

export const StatusTag = ({ status }: { status: EnterpriseStatus }) => (
  <Tag color={STATUS_COLORS[status]}>{ENTERPRISE_STATUS_LABELS[status]}</Tag>
);
export const LineStatusTag = ({ status }: { status: LineStatus }) => (
  <Tag color={LINE_STATUS_COLORS[status]}>{LINE_STATUS_LABELS[status]}</Tag>
);
export const CriterionTag = ({ criterion }: { criterion: Criterion }) => (
  <Tag color={CRITERION_COLORS[criterion]}>{CRITERION_LABELS[criterion]}</Tag>
);

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
