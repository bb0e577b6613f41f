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
  type ListPage as Page,
} from '@taotai/shared';
import { Badge, Button, Card, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { ANNOUNCEMENT_STATUS_COLORS } from './announcement-api.ts';
import { CreateAnnouncementModal } from './CreateAnnouncementModal.tsx';

const columns: ListColumn<AnnouncementSummary>[] = [
  { key: 'id', title: '编号', dataIndex: 'id', width: 70, sortField: 'id' },
  { key: 'title', title: '标题', dataIndex: 'title', render: (t: string, a) => <Link to={`/announcements/${a.id}`}>{t}</Link> },
  { key: 'regionName', title: '发布地区', dataIndex: 'regionName', width: 100 },
  { key: 'kind', title: '内容', dataIndex: 'kind', width: 150, render: (k: AnnouncementKind) => ANNOUNCEMENT_KIND_LABELS[k] },
  { key: 'form', title: '形式', width: 120, render: (_, a) => (a.form === 'public_notice' ? `公示 ${a.noticeWorkingDays} 个工作日` : ANNOUNCEMENT_FORM_LABELS[a.form]) },
  { key: 'status', title: '状态', dataIndex: 'status', width: 90, render: (s: AnnouncementStatus) => <Tag color={ANNOUNCEMENT_STATUS_COLORS[s]}>{ANNOUNCEMENT_STATUS_LABELS[s]}</Tag> },
  { key: 'itemCount', title: '条目', dataIndex: 'itemCount', width: 70, align: 'right' },
  { key: 'publishDate', title: '发布日期', dataIndex: 'publishDate', width: 110, render: (d: string | null) => d ?? '—' },
  { key: 'notice', title: '公示期', width: 200, render: (_, a) => (a.notice ? `至 ${a.notice.endDate}（${a.notice.label}）` : '—') },
  {
    key: 'objections',
    title: '异议',
    width: 90,
    render: (_, a) => (a.objectionCount ? <Badge count={a.unansweredCount} size="small" offset={[8, 0]}>{`${a.objectionCount} 件`}</Badge> : '—'),
  },
];

/** 公告公示: the region's announcements and those below (this year by default, in the URL); the office builds its own from records. */
export default function AnnouncementListPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const thisYear = yearOf(useToday());
  const year = Number(params.get('year')) || thisYear;
  const [creating, setCreating] = useState(false);

  const years = thisYear ? [-3, -2, -1, 0, 1].map((d) => thisYear + d) : [];
  const filterFields: ListFilterField[] = [
    { name: 'year', label: '年度', node: <Select allowClear placeholder="全部" options={years.map((y) => ({ value: String(y), label: `${y}年` }))} /> },
    { name: 'kind', label: '公告内容', node: <Select allowClear placeholder="全部" options={ANNOUNCEMENT_KINDS.map((k) => ({ value: k, label: ANNOUNCEMENT_KIND_LABELS[k] }))} /> },
    { name: 'status', label: '状态', node: <Select allowClear placeholder="全部" options={ANNOUNCEMENT_STATUSES.map((s) => ({ value: s, label: ANNOUNCEMENT_STATUS_LABELS[s] }))} /> },
  ];

  return (
    <Card>
      {/* The year default needs the server's today (a demo clock may differ from the browser's). */}
      {thisYear && (
        <ListPage<AnnouncementSummary, Page<AnnouncementSummary>>
          listKey="announcement"
          testId="announcement"
          rowKey="id"
          columns={columns}
          filterFields={filterFields}
          defaultFilters={{ year: String(thisYear) }}
          fetchPage={(r) => api.get<Page<AnnouncementSummary>>('/announcements', listQuery(r))}
          exportPath="/announcements/list.xlsx"
          exportName="公告公示.xlsx"
          scrollX={1200}
          emptyText={`${params.get('year') ? `${params.get('year')}年` : ''}尚无公告公示`}
          actions={
            <>
              <a href="/public" target="_blank" rel="noreferrer">
                <GlobalOutlined /> 公众查询网站
              </a>
              {/* A department (成员单位) builds its own 黄牌/红牌 lists (issue 12). */}
              {(me.role === 'group_office' || me.role === 'member_agency') && year && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  生成公告
                </Button>
              )}
            </>
          }
        />
      )}
      {year && <CreateAnnouncementModal open={creating} year={year} onClose={() => setCreating(false)} />}
    </Card>
  );
}
