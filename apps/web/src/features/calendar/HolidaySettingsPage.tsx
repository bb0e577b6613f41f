import { EditOutlined } from '@ant-design/icons';
import type { CalendarYear } from '@taotai/shared';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useCan } from '../../app/session.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { YearSelect } from '../../shared/YearSelect.tsx';
import { CALENDAR_SOURCE_LABELS, calendarApi, noticeOf } from './calendar-api.ts';
import { YearNoticeModal } from './YearNoticeModal.tsx';

const SOURCE_COLORS: Record<CalendarYear['source'], string> = { package: 'blue', entered: 'green', none: 'orange' };
const weekday = (d: string) => dayjs(d).format('ddd');

/** 节假日设置: a year's holidays and adjusted workdays, where they come from, and (admin) entering the notice. */
export default function HolidaySettingsPage() {
  const can = useCan();
  const today = useToday();
  const [year, setYear] = useState<number>();
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (today && year === undefined) setYear(yearOf(today));
  }, [today, year]);
  const cal = useAsync(() => (year ? calendarApi.year(year) : Promise.resolve(undefined)), [year]);
  const data = cal.data;
  const notice = data ? noticeOf(data) : undefined;

  return (
    <Card>
      <div className="page-toolbar">
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            节假日设置
          </Typography.Title>
          {year && <YearSelect value={year} onChange={setYear} around={yearOf(today) ?? year} />}
        </Space>
        {can('settings:manage') && data && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            录入{data.year}年放假安排
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">
        报送期限按工作日计算：周末及国务院办公厅公布的法定节假日不计，调休上班日计入。手工录入的年度安排优先于内置数据。
      </Typography.Paragraph>
      {cal.error && <Alert type="error" showIcon title={cal.error.message} />}
      {data && (
        <>
          <Descriptions
            size="small"
            style={{ marginBottom: 12 }}
            items={[
              { key: 'y', label: '年度', children: `${data.year}年` },
              {
                key: 's',
                label: '数据来源',
                children: (
                  <Tag color={SOURCE_COLORS[data.source]} data-testid="calendar-source">
                    {CALENDAR_SOURCE_LABELS[data.source]}
                  </Tag>
                ),
              },
              {
                key: 'n',
                label: '放假/调休',
                children: `放假 ${data.days.filter((d) => d.kind === 'holiday').length} 天，调休上班 ${data.days.filter((d) => d.kind === 'workday').length} 天`,
              },
            ]}
          />
          {data.source === 'none' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`${data.year}年尚无节假日安排，目前仅按周末计算工作日`}
              description="国务院办公厅发布该年度放假安排通知后，请管理员及时录入。"
            />
          )}
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <Table
                size="small"
                rowKey={(r) => `${r.name}-${r.from}`}
                title={() => <Typography.Text strong>放假安排</Typography.Text>}
                dataSource={notice?.holidays}
                pagination={false}
                columns={[
                  { title: '节日', dataIndex: 'name', width: 120 },
                  {
                    title: '放假时间',
                    key: 'range',
                    render: (_, h) =>
                      h.from === h.to ? `${h.from}（${weekday(h.from)}）` : `${h.from}（${weekday(h.from)}）至 ${h.to}（${weekday(h.to)}）`,
                  },
                  {
                    title: '天数',
                    key: 'days',
                    width: 70,
                    align: 'right',
                    render: (_, h) => `${dayjs(h.to).diff(dayjs(h.from), 'day') + 1} 天`,
                  },
                ]}
              />
            </Col>
            <Col xs={24} lg={10}>
              <Table
                size="small"
                rowKey="date"
                title={() => <Typography.Text strong>调休上班</Typography.Text>}
                dataSource={notice?.workdays}
                pagination={false}
                locale={{ emptyText: '无调休上班日' }}
                columns={[
                  { title: '日期', dataIndex: 'date', render: (d: string) => `${d}（${weekday(d)}）` },
                  { title: '说明', dataIndex: 'name' },
                ]}
              />
            </Col>
          </Row>
        </>
      )}
      {data && notice && (
        <YearNoticeModal
          open={editing}
          year={data.year}
          initial={notice}
          onClose={(saved) => {
            setEditing(false);
            if (saved) cal.reload();
          }}
        />
      )}
    </Card>
  );
}
