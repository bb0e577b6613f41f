import type { DeadlineItem } from '@taotai/shared';
import { Alert, Badge, Calendar, Card, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useAsync } from '../../shared/use-async.ts';
import { useToday } from '../../shared/use-today.ts';
import { DeadlineText, statusText } from '../filing/labels.tsx';
import { calendarApi } from './calendar-api.ts';
import { CalendarHeader } from './CalendarHeader.tsx';

const ROLE_LABELS: Record<DeadlineItem['role'], string> = { filer: '本单位报送', issuer: '本单位下达', plan: '工作方案' };
const ROLE_COLORS: Record<DeadlineItem['role'], string> = { filer: 'red', issuer: 'blue', plan: 'purple' };
/** A due date already met is green; one still open keeps its role's colour. */
const dotColor = (d: DeadlineItem) => (d.role === 'filer' && d.status && d.status !== 'pending' && d.status !== 'overdue' ? 'green' : ROLE_COLORS[d.role]);

const linkOf = (d: DeadlineItem) =>
  d.requirementId ? `/filing-requirements/${d.requirementId}${d.periodKey ? `?period=${encodeURIComponent(d.periodKey)}` : ''}` : '/work-plan';


/** 日历: the month's deadlines — what my unit must file, what my office is waiting for, and phase ends. */
export default function MyCalendarPage() {
  const today = useToday();
  const [month, setMonth] = useState<Dayjs>();
  useEffect(() => {
    if (today && !month) setMonth(dayjs(today));
  }, [today, month]);
  const key = month?.format('YYYY-MM');
  const items = useAsync(() => (key ? calendarApi.myDeadlines(key) : Promise.resolve([])), [key]);
  const byDate = new Map<string, DeadlineItem[]>();
  for (const d of items.data ?? []) byDate.set(d.date, [...(byDate.get(d.date) ?? []), d]);

  if (!month) return <Card loading />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={month.format('YYYY年M月')} extra={<Typography.Text type="secondary">红色：本单位应报送；蓝色：本单位下达；紫色：工作方案阶段结束；绿色：已报送</Typography.Text>}>
        {items.error && <Alert type="error" showIcon title={items.error.message} style={{ marginBottom: 12 }} />}
        <Calendar
          value={month}
          onPanelChange={(d) => setMonth(d)}
          headerRender={({ value, onChange }) => <CalendarHeader value={value} onChange={onChange} />}
          onSelect={(d, info) => {
            if (info.source !== 'date') setMonth(d);
          }}
          cellRender={(d, info) => {
            if (info.type !== 'date') return info.originNode;
            const list = byDate.get(d.format('YYYY-MM-DD')) ?? [];
            return (
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid={`cal-${d.format('YYYY-MM-DD')}`}>
                {list.map((x) => (
                  <li key={`${x.kind}-${x.requirementId}-${x.periodKey}-${x.title}`} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    <Badge color={dotColor(x)} text={<Typography.Text style={{ fontSize: 12 }}>{x.title}</Typography.Text>} />
                  </li>
                ))}
              </ul>
            );
          }}
        />
      </Card>
      <Card title={`${month.format('YYYY年M月')}截止事项`}>
        <Table<DeadlineItem>
          size="small"
          rowKey={(x) => `${x.kind}-${x.requirementId}-${x.periodKey}-${x.title}-${x.date}`}
          loading={items.loading}
          dataSource={items.data}
          pagination={false}
          locale={{ emptyText: '本月没有截止事项' }}
          columns={[
            { title: '截止日期', dataIndex: 'date', width: 110 },
            { title: '类别', dataIndex: 'role', width: 110, render: (r: DeadlineItem['role']) => <Tag color={ROLE_COLORS[r]}>{ROLE_LABELS[r]}</Tag> },
            { title: '事项', key: 'title', render: (_, d) => <Link to={linkOf(d)}>{d.title}</Link> },
            { title: '状态', dataIndex: 'status', width: 110, render: statusText },
            {
              title: '期限',
              dataIndex: 'label',
              width: 140,
              render: (l: string) => <DeadlineText label={l} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
