import type { ExitTaskStage, ProgressFigures } from '@taotai/shared';
import { Progress, Space, Table, type TableProps, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { fmtNumber } from '../../shared/format.ts';
import { unitName, useCatalogue } from '../catalogue/catalogue-api.ts';
import { percent, taskListLink } from './links.ts';

type Column = { key: string; title: string; stage?: ExitTaskStage; capacity: keyof ProgressFigures; tasks: keyof ProgressFigures };

/** "计划退出" counts every task (no stage filter); the others count the tasks standing in that stage. */
const COLUMNS: Column[] = [
  { key: 'planned', title: '计划退出', capacity: 'plannedCapacity', tasks: 'plannedTasks' },
  { key: 'sealed', title: '已封存', stage: 'sealed', capacity: 'sealedCapacity', tasks: 'sealedTasks' },
  { key: 'dismantled', title: '已拆除待验收', stage: 'dismantled', capacity: 'dismantledCapacity', tasks: 'dismantledTasks' },
  { key: 'accepted', title: '已验收', stage: 'accepted', capacity: 'acceptedCapacity', tasks: 'acceptedTasks' },
  { key: 'closed', title: '依令关闭', stage: 'closed', capacity: 'closedCapacity', tasks: 'closedTasks' },
];

export function CompletionRate({ rate }: { rate: number | null }) {
  if (rate === null) return <Typography.Text type="secondary">未下达目标</Typography.Text>;
  return (
    <Space size={6}>
      <Progress
        percent={Math.min(100, Math.round(rate * 100))}
        size="small"
        showInfo={false}
        status={rate >= 1 ? 'success' : 'normal'}
        aria-label={`完成率 ${percent(rate)}`}
        style={{ width: 56, margin: 0 }}
      />
      <span>{percent(rate)}</span>
    </Space>
  );
}

interface Props {
  figures: ProgressFigures[];
  region: string;
  year: number | null;
  size?: 'small' | 'middle';
  emptyText?: string;
  /** The figures of the region's own level (enterprises registered at it, not below): links list only those. */
  ownLevel?: boolean;
}

/**
 * Capacity per industry and unit in each exit stage, with the task counts; each cell links to the task list
 * with the same filters. Rows are never added together: each industry has its own unit.
 */
export function FiguresTable({ figures, region, year, size = 'middle', emptyText, ownLevel }: Props) {
  const { units } = useCatalogue();
  const columns: TableProps<ProgressFigures>['columns'] = [
    { title: '行业', dataIndex: 'industryName', width: 110, fixed: 'start' },
    { title: '单位', dataIndex: 'unit', width: 80, render: (u: string) => unitName(units, u) },
    ...COLUMNS.map(
      (c): NonNullable<TableProps<ProgressFigures>['columns']>[number] => ({
        title: c.title,
        key: c.key,
        align: 'right',
        width: 120,
        render: (_, f) => {
          const tasks = f[c.tasks] as number;
          return (
            <Link
              to={taskListLink({ region, year, stage: c.stage, industry: f.industryCode, unit: f.unit, ownLevel })}
              data-testid={`fig-${f.industryCode}-${f.unit}-${c.key}`}
            >
              <div>{fmtNumber(f[c.capacity] as number)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {tasks} 个任务
              </Typography.Text>
            </Link>
          );
        },
      }),
    ),
    {
      title: '目标',
      dataIndex: 'targetCapacity',
      align: 'right',
      width: 100,
      render: (t: number | null) => (t === null ? '—' : fmtNumber(t)),
    },
    { title: '完成率', key: 'rate', width: 150, render: (_, f) => <CompletionRate rate={f.completionRate} /> },
  ];
  return (
    <Table<ProgressFigures>
      rowKey={(f) => `${f.industryCode}|${f.unit}`}
      size={size}
      pagination={false}
      dataSource={figures}
      columns={columns}
      scroll={{ x: 1000 }}
      locale={{ emptyText: emptyText ?? '该年度尚无退出任务' }}
      data-testid="progress-figures"
    />
  );
}
