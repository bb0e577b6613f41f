import { EXIT_TASK_STAGE_LABELS, EXIT_TASK_STATUS_LABELS, type ExitTaskPage, type ExitTaskSummary } from '@taotai/shared';
import { Card, Input, Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api.ts';
import { fmtNumber } from '../../shared/format.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { unitName, useCatalogue } from '../catalogue/catalogue-api.ts';
import { RegionSelect } from '../region/RegionSelect.tsx';
import { dueOf, ExitStatusTag, TaskDeadline } from './labels.tsx';

const opts = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

const columns: ListColumn<ExitTaskSummary>[] = [
  { key: 'id', title: '编号', dataIndex: 'id', width: 80, sortField: 'id' },
  { key: 'enterpriseName', title: '企业', dataIndex: 'enterpriseName', width: 200, render: (n: string, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{n}</Link> },
  {
    key: 'lineName',
    title: '生产线（设备）',
    dataIndex: 'lineName',
    width: 220,
    render: (n: string, r) => (
      <Link to={`/exit-tasks/${r.id}`} data-testid="task-link">
        {r.specification ? `${n}（${r.specification}）` : n}
      </Link>
    ),
  },
  { key: 'regionName', title: '所在区划', dataIndex: 'regionName', width: 100, ellipsis: true },
  { key: 'industryName', title: '行业', dataIndex: 'industryName', width: 70 },
  { key: 'capacity', title: '产能', width: 110, align: 'right', render: (_: unknown, r) => `${fmtNumber(r.capacity)} ${r.capacityUnitName}` },
  { key: 'year', title: '计划年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年` },
  { key: 'status', title: '状态', dataIndex: 'status', width: 100, render: (s: ExitTaskSummary['status']) => <ExitStatusTag status={s} /> },
  { key: 'deadline', title: '期限', width: 170, render: (_: unknown, r) => <TaskDeadline label={r.deadlineLabel} due={dueOf(r)} stacked /> },
];

/** 退出任务: filters live in the URL, so a dashboard number opens this list showing that very number as its total. */
export default function ExitTaskListPage() {
  const { industries, units } = useCatalogue();
  const year = yearOf(useToday()) ?? new Date().getFullYear();

  const filterFields: ListFilterField[] = [
    { name: 'region', label: '区划', node: <RegionSelect placeholder="全部" /> },
    { name: 'q', label: '名称', node: <Input placeholder="企业或生产线名称" allowClear /> },
    { name: 'stage', label: '阶段', node: <Select allowClear placeholder="全部" options={opts(EXIT_TASK_STAGE_LABELS)} /> },
    { name: 'status', label: '状态', node: <Select allowClear placeholder="全部" options={opts(EXIT_TASK_STATUS_LABELS)} /> },
    {
      name: 'year',
      label: '年度',
      node: <Select allowClear placeholder="全部" options={[-2, -1, 0, 1].map((d) => ({ value: String(year + d), label: `${year + d}年` }))} />,
    },
    {
      name: 'industry',
      label: '行业',
      node: <Select allowClear placeholder="全部" options={industries.map((i) => ({ value: i.code, label: i.name }))} showSearch={{ optionFilterProp: 'label' }} />,
    },
    { name: 'unit', label: '产能单位', node: <Select allowClear placeholder="全部" options={units.map((u) => ({ value: u.code, label: u.name }))} /> },
    {
      name: 'overdue',
      label: '逾期拆除',
      node: <Select allowClear placeholder="全部" options={[{ value: 'true', label: '逾期' }, { value: 'false', label: '未逾期' }]} />,
    },
  ];

  return (
    <Card>
      <ListPage<ExitTaskSummary, ExitTaskPage>
        listKey="exit-task"
        testId="task"
        rowKey="id"
        columns={columns}
        filterFields={filterFields}
        // Link-only filters (the dashboard, an enterprise page): shown as tags, kept by 查询 and 重置.
        extraFilterKeys={['enterprise', 'ownLevel']}
        fetchPage={(r) => api.get<ExitTaskPage>('/exit-tasks', listQuery(r))}
        exportPath="/exit-tasks/export.xlsx"
        exportName="退出任务.xlsx"
        defaultPageSize={20}
        scrollX={1130}
        emptyText="没有符合条件的退出任务"
        above={({ result, filters, setFilters }) => (
          <>
            {filters.enterprise && (
              <Tag closable onClose={() => setFilters({ ...filters, enterprise: undefined })} style={{ marginBottom: 12 }}>
                仅显示企业：{result?.items[0]?.enterpriseName ?? `#${filters.enterprise}`}
              </Tag>
            )}
            {filters.ownLevel === 'true' && (
              <Tag closable onClose={() => setFilters({ ...filters, ownLevel: undefined })} style={{ marginBottom: 12 }} data-testid="own-level-tag">
                仅本级：登记在该区划本身（不属任何下级区划）的企业
              </Tag>
            )}
            <Space size={24} style={{ marginBottom: 12 }} wrap>
              <Typography.Text data-testid="task-total">
                共 <Typography.Text strong>{result?.total ?? '…'}</Typography.Text> 项退出任务
              </Typography.Text>
              <Typography.Text data-testid="task-capacity">
                产能合计：
                {result?.capacityByUnit.length ? result.capacityByUnit.map((c) => `${fmtNumber(c.capacity)} ${unitName(units, c.unit)}`).join('；') : '—'}
              </Typography.Text>
            </Space>
          </>
        )}
      />
    </Card>
  );
}
