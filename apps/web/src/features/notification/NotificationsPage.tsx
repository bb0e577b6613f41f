import { NOTIFICATION_KIND_LABELS, type Notification } from '@taotai/shared';
import { App, Button, Card, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../shared/api.ts';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtDateTime } from '../../shared/format.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { type NotificationPage, notificationApi } from './notification-api.ts';

const KIND_COLORS: Record<string, string> = { filing_due_soon: 'gold', filing_overdue: 'red', filing_returned: 'volcano', dismantle_due_soon: 'orange', dismantle_overdue: 'magenta', objection_filed: 'purple' };

const filterFields: ListFilterField[] = [
  {
    name: 'unread',
    label: '阅读状态',
    node: <Select allowClear placeholder="全部" options={[{ value: 'true', label: '未读' }]} />,
  },
];

/** 通知中心: reminders, overdue notices and returns; opening one marks it read and goes to its page. */
export default function NotificationsPage() {
  const nav = useNavigate();
  const { message } = App.useApp();
  const [reload, setReload] = useState(0);

  const markRead = async (n: Notification) => {
    if (n.readAt) return;
    await notificationApi.markRead(n.id);
    setReload((x) => x + 1);
  };
  const open = async (n: Notification) => {
    await markRead(n).catch(() => undefined);
    if (n.link) nav(n.link);
  };
  const readAll = async () => {
    try {
      const r = await notificationApi.markAllRead();
      message.success(`已将 ${r.updated} 条通知标记为已读`);
      setReload((x) => x + 1);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ListColumn<Notification>[] = [
    {
      key: 'dot',
      title: '未读',
      width: 56,
      render: (_: unknown, n) => (n.readAt ? null : <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: '#ff4d4f' }} />),
    },
    { key: 'kind', title: '类别', dataIndex: 'kind', width: 120, render: (k: string) => <Tag color={KIND_COLORS[k]}>{NOTIFICATION_KIND_LABELS[k] ?? k}</Tag> },
    {
      key: 'title',
      title: '通知',
      width: 420,
      render: (_: unknown, n) => (
        <div>
          <Typography.Link strong={!n.readAt} onClick={() => open(n)}>
            {n.title}
          </Typography.Link>
          <div>
            <Typography.Text type="secondary">{n.body}</Typography.Text>
          </div>
        </div>
      ),
    },
    { key: 'id', title: '时间', dataIndex: 'createdAt', width: 170, render: fmtDateTime, sortField: 'id' },
    {
      key: 'op',
      title: '操作',
      width: 100,
      render: (_: unknown, n) =>
        n.readAt ? (
          <Typography.Text type="secondary">已读</Typography.Text>
        ) : (
          <Button type="link" size="small" onClick={() => markRead(n).catch((e) => message.error(errorMessage(e)))}>
            标为已读
          </Button>
        ),
    },
  ];

  return (
    <Card>
      <ListPage<Notification, NotificationPage>
        listKey="notification"
        testId="notification"
        rowKey="id"
        columns={columns}
        filterFields={filterFields}
        fetchPage={(r) => api.get<NotificationPage>('/notifications', listQuery(r))}
        exportPath="/notifications/export.xlsx"
        exportName="通知.xlsx"
        reloadToken={reload}
        scrollX={900}
        emptyText="没有符合条件的通知"
        actions={<Button onClick={readAll}>全部标记为已读</Button>}
      />
    </Card>
  );
}
