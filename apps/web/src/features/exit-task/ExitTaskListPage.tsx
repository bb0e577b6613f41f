import type { ExitTaskSummary } from '@taotai/shared';
import { Alert, Button, Card, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { fmtNumber } from '../../shared/format.ts';
import { unitName, useCatalogue } from '../catalogue/catalogue-api.ts';
import { FILTER_KEYS, type TaskFilters } from './exit-task-api.ts';
import { dueOf, ExitStatusTag, TaskDeadline } from './labels.tsx';
import { TaskFilterBar } from './TaskFilterBar.tsx';
import { useTaskPages } from './use-task-pages.ts';

/** 退出任务: filters live in the URL, so a dashboard number opens this list showing that very number as its total. */
export default function ExitTaskListPage() {
  const [params, setParams] = useSearchParams();
  const { units } = useCatalogue();
  const filters = useMemo(() => {
    const f: TaskFilters = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [params]);
  const pages = useTaskPages(filters);

  const setFilters = (f: TaskFilters) => {
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) if (f[k]) next.set(k, f[k]!);
    setParams(next, { replace: true });
  };

  const columns: TableProps<ExitTaskSummary>['columns'] = [
    { title: '企业', dataIndex: 'enterpriseName', width: 200, render: (n: string, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{n}</Link> },
    {
      title: '生产线（设备）',
      dataIndex: 'lineName',
      width: 220,
      render: (n: string, r) => (
        <Link to={`/exit-tasks/${r.id}`} data-testid="task-link">
          {r.specification ? `${n}（${r.specification}）` : n}
        </Link>
      ),
    },
    { title: '所在区划', dataIndex: 'regionName', width: 100, ellipsis: true },
    { title: '行业', dataIndex: 'industryName', width: 70 },
    { title: '产能', key: 'cap', width: 110, align: 'right', render: (_: unknown, r) => `${fmtNumber(r.capacity)} ${r.capacityUnitName}` },
    { title: '计划年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年` },
    { title: '状态', dataIndex: 'status', width: 100, render: (s: ExitTaskSummary['status']) => <ExitStatusTag status={s} /> },
    {
      title: '期限',
      key: 'deadline',
      width: 170,
      render: (_: unknown, r) => <TaskDeadline label={r.deadlineLabel} due={dueOf(r)} stacked />,
    },
  ];

  const capacityText = pages.capacityByUnit.length ? pages.capacityByUnit.map((c) => `${fmtNumber(c.capacity)} ${unitName(units, c.unit)}`).join('；') : '—';

  return (
    <Card>
      <div className="page-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          退出任务
        </Typography.Title>
      </div>
      <TaskFilterBar value={filters} onChange={setFilters} />
      {filters.enterprise && (
        <Tag closable onClose={() => setFilters({ ...filters, enterprise: undefined })} style={{ marginTop: 12 }}>
          仅显示企业：{pages.items[0]?.enterpriseName ?? `#${filters.enterprise}`}
        </Tag>
      )}
      {filters.ownLevel === 'true' && (
        <Tag closable onClose={() => setFilters({ ...filters, ownLevel: undefined })} style={{ marginTop: 12 }} data-testid="own-level-tag">
          仅本级：登记在该区划本身（不属任何下级区划）的企业
        </Tag>
      )}
      {pages.error && <Alert type="error" showIcon title={pages.error.message} style={{ marginTop: 12 }} />}
      <Space size={24} style={{ marginTop: 12 }} wrap>
        <Typography.Text data-testid="task-total">
          共 <Typography.Text strong>{pages.total ?? '…'}</Typography.Text> 项退出任务
        </Typography.Text>
        <Typography.Text data-testid="task-capacity">产能合计：{capacityText}</Typography.Text>
      </Space>
      <Table<ExitTaskSummary>
        style={{ marginTop: 12 }}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={pages.items}
        loading={pages.loading}
        pagination={false}
        scroll={{ x: 1050 }}
        locale={{ emptyText: '没有符合条件的退出任务' }}
        data-testid="task-table"
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
        <Typography.Text type="secondary">
          已显示 {pages.items.length} 项{pages.total !== null ? ` / 共 ${pages.total} 项` : ''}
        </Typography.Text>
        {pages.hasMore && (
          <Button onClick={pages.loadMore} loading={pages.loading}>
            加载更多
          </Button>
        )}
      </div>
    </Card>
  );
}
