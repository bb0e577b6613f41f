import { GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ANNOUNCEMENT_FORM_LABELS,
  ANNOUNCEMENT_KIND_LABELS,
  ANNOUNCEMENT_KINDS,
  ANNOUNCEMENT_STATUS_LABELS,
  ANNOUNCEMENT_STATUSES,
  type AnnouncementKind,
  type AnnouncementStatus,
  type AnnouncementSummary,
} from '@taotai/shared';
import { Alert, Badge, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { YearSelect } from '../../shared/YearSelect.tsx';
import { ANNOUNCEMENT_STATUS_COLORS, announcementApi } from './announcement-api.ts';
import { CreateAnnouncementModal } from './CreateAnnouncementModal.tsx';

/** 公告公示: the region's announcements and those below, by year; the office builds its own from records. */
export default function AnnouncementListPage() {
  const me = useMe();
  const today = useToday();
  const [year, setYear] = useState<number>();
  const [kind, setKind] = useState<AnnouncementKind>();
  const [status, setStatus] = useState<AnnouncementStatus>();
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    if (today && year === undefined) setYear(yearOf(today));
  }, [today, year]);
  const list = useAsync(() => (year ? announcementApi.list({ year, kind, status }) : Promise.resolve([])), [year, kind, status]);

  return (
    <Card>
      <div className="page-toolbar">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            公告公示
          </Typography.Title>
          {year && <YearSelect value={year} onChange={setYear} around={yearOf(today) ?? year} />}
          <Select allowClear placeholder="公告内容" style={{ width: 180 }} value={kind} onChange={setKind} options={ANNOUNCEMENT_KINDS.map((k) => ({ value: k, label: ANNOUNCEMENT_KIND_LABELS[k] }))} />
          <Select allowClear placeholder="状态" style={{ width: 120 }} value={status} onChange={setStatus} options={ANNOUNCEMENT_STATUSES.map((s) => ({ value: s, label: ANNOUNCEMENT_STATUS_LABELS[s] }))} />
        </Space>
        <Space>
          <a href="/public" target="_blank" rel="noreferrer">
            <GlobalOutlined /> 公众查询网站
          </a>
          {me.role === 'group_office' && year && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              生成公告
            </Button>
          )}
        </Space>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<AnnouncementSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: `${year ?? ''}年尚无公告公示` }}
        data-testid="announcement-table"
        columns={[
          { title: '标题', dataIndex: 'title', render: (t: string, a) => <Link to={`/announcements/${a.id}`}>{t}</Link> },
          { title: '发布地区', dataIndex: 'regionName', width: 100 },
          { title: '内容', dataIndex: 'kind', width: 150, render: (k: AnnouncementKind) => ANNOUNCEMENT_KIND_LABELS[k] },
          { title: '形式', key: 'form', width: 120, render: (_, a) => (a.form === 'public_notice' ? `公示 ${a.noticeWorkingDays} 个工作日` : ANNOUNCEMENT_FORM_LABELS[a.form]) },
          { title: '状态', dataIndex: 'status', width: 90, render: (s: AnnouncementStatus) => <Tag color={ANNOUNCEMENT_STATUS_COLORS[s]}>{ANNOUNCEMENT_STATUS_LABELS[s]}</Tag> },
          { title: '条目', dataIndex: 'itemCount', width: 70, align: 'right' },
          { title: '发布日期', dataIndex: 'publishDate', width: 110, render: (d: string | null) => d ?? '—' },
          {
            title: '公示期',
            key: 'notice',
            width: 200,
            render: (_, a) => (a.notice ? `至 ${a.notice.endDate}（${a.notice.label}）` : '—'),
          },
          {
            title: '异议',
            key: 'objections',
            width: 90,
            render: (_, a) => (a.objectionCount ? <Badge count={a.unansweredCount} size="small" offset={[8, 0]}>{`${a.objectionCount} 件`}</Badge> : '—'),
          },
        ]}
      />
      {year && <CreateAnnouncementModal open={creating} year={year} onClose={() => setCreating(false)} />}
    </Card>
  );
}
