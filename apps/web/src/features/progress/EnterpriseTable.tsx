import { EXIT_TASK_STAGE_LABELS, EXIT_TASK_STAGES } from '@taotai/shared';
import { Alert, Table, type TableProps, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAsync } from '../../shared/use-async.ts';
import { taskListLink } from './links.ts';
import { type EnterpriseTasks, enterpriseTasks } from './progress-api.ts';

/**
 * County and township level: the enterprises with exit tasks. The name opens the enterprise; every count opens
 * the task list for that enterprise (each task there opens its line and evidence).
 */
export function EnterpriseTable({ region, year }: { region: string; year: number }) {
  const state = useAsync(() => enterpriseTasks(region, year), [region, year]);
  const link = (e: EnterpriseTasks, extra: Parameters<typeof taskListLink>[0] = {}) =>
    taskListLink({ region, year, enterprise: e.enterpriseId, ...extra });
  const columns: TableProps<EnterpriseTasks>['columns'] = [
    {
      title: '企业',
      dataIndex: 'enterpriseName',
      render: (n: string, e) => <Link to={`/enterprises/${e.enterpriseId}`}>{n}</Link>,
    },
    {
      title: '退出任务',
      dataIndex: 'tasks',
      align: 'right',
      width: 90,
      render: (n: number, e) => (
        <Link to={link(e)} data-testid={`ent-${e.enterpriseId}-tasks`}>
          {n}
        </Link>
      ),
    },
    ...EXIT_TASK_STAGES.map(
      (s): NonNullable<TableProps<EnterpriseTasks>['columns']>[number] => ({
        title: EXIT_TASK_STAGE_LABELS[s],
        key: s,
        align: 'right',
        width: 100,
        render: (_, e) => (e.stages[s] ? <Link to={link(e, { stage: s })}>{e.stages[s]}</Link> : <Typography.Text type="secondary">0</Typography.Text>),
      }),
    ),
    {
      title: '退出情况',
      key: 'done',
      width: 100,
      // The same rule as the dashboard's 已完成退出企业: every task accepted or closed by order.
      render: (_, e) => (e.stages.accepted + e.stages.closed === e.tasks ? <Tag color="green">已完成退出</Tag> : <Tag>进行中</Tag>),
    },
    {
      title: '逾期',
      dataIndex: 'overdue',
      align: 'right',
      width: 70,
      render: (n: number, e) =>
        n ? (
          <Link to={link(e, { overdue: true })} style={{ color: '#cf1322' }}>
            {n}
          </Link>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
  ];
  return (
    <>
      {state.error && <Alert type="error" showIcon title={`企业明细加载失败：${state.error.message}`} />}
      {state.data && !state.data.complete && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title="任务较多，此处只列出前 2000 个任务涉及的企业；完整清单请点击退出任务数查看" />
      )}
      <Table<EnterpriseTasks>
        rowKey="enterpriseId"
        size="small"
        loading={state.loading}
        dataSource={state.data?.rows}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 860 }}
        locale={{ emptyText: '该年度无企业退出任务' }}
        data-testid="progress-enterprises"
      />
    </>
  );
}
