import { type FilingMatrixPage, MATRIX_CELL_LABELS } from '@taotai/shared';
import { Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api.ts';
import { type ListColumn, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { filingFilterFields } from './FilingRequirementList.tsx';
import { provisionalText } from '../../shared/ProvisionalDate.tsx';

type Row = FilingMatrixPage['items'][number];
type Cell = Row['cells'][string];

const COLOR: Record<Cell['state'], string> = {
  not_due: 'default',
  due_soon: 'gold',
  overdue: 'red',
  submitted: 'blue',
  received: 'cyan',
  accepted: 'green',
  returned: 'volcano',
  resubmitted: 'geekblue',
};

function CellView({ cell, requirementId, periodKey }: { cell: Cell | undefined; requirementId: number; periodKey: string }) {
  if (!cell) return <Typography.Text type="secondary">—</Typography.Text>;
  const extra = cell.state === 'overdue' ? `${cell.overdueWorkingDays}个工作日` : cell.lateWorkingDays > 0 ? `迟报${cell.lateWorkingDays}个工作日` : '';
  const tag = (
    <Tag color={COLOR[cell.state]} style={{ marginInlineEnd: 0 }}>
      {MATRIX_CELL_LABELS[cell.state]}
      {extra && `·${extra}`}
    </Tag>
  );
  return <Link to={`/filing-requirements/${requirementId}?period=${encodeURIComponent(periodKey)}`}>{tag}</Link>;
}

/**
 * 报送情况总表 on the one list page (ADR 0014): the units below × the requirements my office issued, each cell
 * the current period's state. The units are the rows (paged); the requirements of the answer are the columns.
 */
export function FilingMatrixView({ thisYear }: { thisYear: number }) {
  const [head, setHead] = useState<Pick<FilingMatrixPage, 'requirements' | 'today'> | null>(null);
  const requirements = head?.requirements ?? [];
  const columns: ListColumn<Row>[] = [
    { key: 'name', title: '报送单位', dataIndex: 'name', fixed: 'left', width: 160 },
    ...requirements.map(
      (r): ListColumn<Row> => ({
        key: `r${r.id}`,
        title: r.title,
        width: 170,
        onHeaderCell: () => ({ title: `截止 ${provisionalText(r.period.dueDate, r.period.dueProvisional)}` }),
        render: (_: unknown, row: Row) => <CellView cell={row.cells[String(r.id)]} requirementId={r.id} periodKey={r.period.key} />,
      }),
    ),
  ];
  return (
    <ListPage<Row, FilingMatrixPage>
      listKey="filing-matrix"
      testId="filing-matrix"
      rowKey="name"
      columns={columns}
      filterFields={filingFilterFields(thisYear, false)}
      defaultFilters={{ year: String(thisYear) }}
      defaultPageSize={50}
      fetchPage={async (r) => {
        const page = await api.get<FilingMatrixPage>('/filing-matrix/list', listQuery(r));
        setHead({ requirements: page.requirements, today: page.today });
        return page;
      }}
      exportPath="/filing-matrix/export.xlsx"
      exportName="报送情况总表.xlsx"
      scrollX={160 + 170 * requirements.length}
      emptyText="本级尚未下达报送要求"
      above={() =>
        head && (
          <Typography.Paragraph type="secondary">
            截至 {head.today}，本级下达的 {head.requirements.length} 项报送要求（按当期）。逾期天数只计工作日。
          </Typography.Paragraph>
        )
      }
    />
  );
}
