import { FileAddOutlined } from '@ant-design/icons';
import type { JointNotice, ListPage as ListPageOf } from '@taotai/shared';
import { Button, Card, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { type ListColumn, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { IssueNoticeModal } from './IssueNoticeModal.tsx';

const columns: ListColumn<JointNotice>[] = [
  { key: 'id', title: '编号', dataIndex: 'id', width: 80, sortField: 'id' },
  { key: 'documentNo', title: '文号', dataIndex: 'documentNo', width: 180, render: (n: string, j) => <Link to={`/joint-notices/${j.id}`}>{n}</Link> },
  { key: 'title', title: '标题', dataIndex: 'title', width: 360 },
  { key: 'issuedOn', title: '发文日期', dataIndex: 'issuedOn', width: 110 },
  { key: 'region', title: '发文机关所在地', dataIndex: 'regionName', width: 140 },
  {
    key: 'progress',
    title: '执行情况',
    width: 200,
    render: (_: unknown, j) => (
      <Space size={4} wrap>
        <Tag color={j.pendingCount ? 'orange' : 'green'}>
          已执行 {j.itemCount - j.pendingCount}/{j.itemCount}
        </Tag>
        {j.overdueCount > 0 && <Tag color="red">逾期 {j.overdueCount}</Tag>}
      </Space>
    ),
  },
];

/** 到期联合通知 (001 第五篇 §五): the office's notices to the departments and how far each was executed. */
export default function JointNoticeListPage() {
  const me = useMe();
  const nav = useNavigate();
  const [issuing, setIssuing] = useState(false);
  return (
    <Card>
      <ListPage<JointNotice, ListPageOf<JointNotice>>
        listKey="joint-notice"
        testId="joint-notice"
        rowKey="id"
        columns={columns}
        fetchPage={(r) => api.get<ListPageOf<JointNotice>>('/joint-notices', listQuery(r))}
        exportPath="/joint-notices/export.xlsx"
        exportName="到期联合通知.xlsx"
        actions={
          me.role === 'group_office' && (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setIssuing(true)} data-testid="issue-notice">
              发出通知
            </Button>
          )
        }
        scrollX={1100}
        emptyText="还没有发出到期联合通知"
      />
      <IssueNoticeModal open={issuing} onClose={() => setIssuing(false)} onIssued={(n) => nav(`/joint-notices/${n.id}`)} />
    </Card>
  );
}
