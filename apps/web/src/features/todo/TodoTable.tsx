import type { TodoItem } from '@taotai/shared';
import { Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { fmtDateTime } from '../../shared/format.ts';
import { dueText } from './todo-api.ts';
import { ProvisionalDate } from '../../shared/ProvisionalDate.tsx';

/** Due wording, red when overdue. */
export function DueTag({ item }: { item: TodoItem }) {
  const text = dueText(item);
  if (!text) return <Typography.Text type="secondary">—</Typography.Text>;
  // A due date counted through a year without holiday data is 暂定 (issue 10 §3), with why on hover.
  const shown = item.dueDate ? (
    <ProvisionalDate date={item.dueDate} provisional={item.dueProvisional}>
      {text}
    </ProvisionalDate>
  ) : (
    text
  );
  return item.overdue ? (
    <Typography.Text type="danger" strong data-testid="todo-due">
      {shown}
    </Typography.Text>
  ) : (
    <Typography.Text data-testid="todo-due">{shown}</Typography.Text>
  );
}

/** The 待办 list (a plain table for now; kept in one file so it moves to the shared list page easily). */
export function TodoTable({ items, loading, compact }: { items: TodoItem[]; loading?: boolean; compact?: boolean }) {
  const nav = useNavigate();
  const columns = [
    {
      title: '事项',
      dataIndex: 'title',
      render: (t: string, i: TodoItem) => (
        <Typography.Link onClick={() => nav(i.link)} data-testid="todo-item-link">
          {t}
        </Typography.Link>
      ),
    },
    { title: '类别', dataIndex: 'kindLabel', width: 110 },
    { title: '待办', dataIndex: 'awaitsLabel', width: 90, render: (a: string) => <Tag color="blue">{a}</Tag> },
    ...(compact ? [] : [{ title: '地区', dataIndex: 'regionName', width: 120, render: (r: string | null) => r ?? '—' }]),
    ...(compact ? [] : [{ title: '到达时间', dataIndex: 'since', width: 160, render: (s: string) => fmtDateTime(s) }]),
    { title: '期限', key: 'due', width: 170, render: (_: unknown, i: TodoItem) => <DueTag item={i} /> },
  ];
  return (
    <Table<TodoItem>
      rowKey="key"
      size={compact ? 'small' : 'middle'}
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={compact ? false : { pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: '暂无待办事项' }}
      data-testid="todo-table"
    />
  );
}
