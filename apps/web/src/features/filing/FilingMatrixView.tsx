import type { FilingMatrix } from '@taotai/shared';
import { Alert, Space, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAsync } from '../../shared/use-async.ts';
import { filingApi } from './filing-api.ts';
import { provisionalText } from '../../shared/ProvisionalDate.tsx';

type Row = FilingMatrix['rows'][number];
type Cell = Row['cells'][string];

const CELL: Record<Cell['state'], { text: string; color: string }> = {
  not_due: { text: '未到期', color: 'default' },
  due_soon: { text: '即将到期', color: 'gold' },
  overdue: { text: '逾期未报', color: 'red' },
  submitted: { text: '已报送', color: 'blue' },
  received: { text: '已接收', color: 'cyan' },
  accepted: { text: '已采纳', color: 'green' },
  returned: { text: '已退回', color: 'volcano' },
  resubmitted: { text: '已重新报送', color: 'geekblue' },
};

function CellView({ cell, requirementId, periodKey }: { cell: Cell | undefined; requirementId: number; periodKey: string }) {
  if (!cell) return <Typography.Text type="secondary">—</Typography.Text>;
  const c = CELL[cell.state];
  const extra = cell.state === 'overdue' ? `${cell.overdueWorkingDays}个工作日` : cell.lateWorkingDays > 0 ? `迟报${cell.lateWorkingDays}个工作日` : '';
  const tag = (
    <Tag color={c.color} style={{ marginInlineEnd: 0 }}>
      {c.text}
      {extra && `·${extra}`}
    </Tag>
  );
  return <Link to={`/filing-requirements/${requirementId}?period=${encodeURIComponent(periodKey)}`}>{tag}</Link>;
}

/** 报送情况总表: the units below × the requirements my office issued, each cell the current period's state. */
export function FilingMatrixView({ year }: { year: number }) {
  const m = useAsync(() => filingApi.matrix(year), [year]);
  const data = m.data;
  const columns: TableProps<Row>['columns'] = [
    { title: '报送单位', dataIndex: 'name', fixed: 'left', width: 160 },
    ...(data?.requirements ?? []).map((r) => ({
      title: (
        <Tooltip title={`截止 ${provisionalText(r.period.dueDate, r.period.dueProvisional)}`}>
          <span>{r.title}</span>
        </Tooltip>
      ),
      key: String(r.id),
      width: 170,
      render: (_: unknown, row: Row) => <CellView cell={row.cells[String(r.id)]} requirementId={r.id} periodKey={r.period.key} />,
    })),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {m.error && <Alert type="error" showIcon title={m.error.message} />}
      {data && (
        <Typography.Text type="secondary">
          截至 {data.today}，本级下达的 {data.requirements.length} 项报送要求（按当期）。逾期天数只计工作日。
        </Typography.Text>
      )}
      <Table<Row>
        rowKey={(r) => r.regionCode ?? `a${r.agencyId}`}
        size="small"
        bordered
        loading={m.loading}
        dataSource={data?.rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 160 + 170 * (data?.requirements.length ?? 0) }}
        locale={{ emptyText: '本级尚未下达报送要求' }}
        data-testid="filing-matrix"
      />
    </Space>
  );
}
