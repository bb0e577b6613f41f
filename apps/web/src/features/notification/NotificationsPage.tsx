import { NOTIFICATION_KIND_LABELS, type Notification } from '@taotai/shared';
import { Alert, App, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../shared/api.ts';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtDateTime } from '../../shared/format.ts';
import { notificationApi } from './notification-api.ts';

const KIND_COLORS: Record<string, string> = { filing_due_soon: 'gold', filing_overdue: 'red', filing_returned: 'volcano', dismantle_due_soon: 'orange', dismantle_overdue: 'magenta', objection_filed: 'purple' };

/** 通知中心: reminders, overdue notices and returns; opening one marks it read and goes to its page. */
export default function NotificationsPage() {
  const nav = useNavigate();
  const { message } = App.useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [items, setItems] = useState<Notification[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const run = useRef(0);

  const load = useCallback(
    async (after: string | null) => {
      const mine = ++run.current;
      setLoading(true);
      try {
        const p = await notificationApi.list({ unread: unreadOnly, cursor: after });
        if (mine !== run.current) return;
        setItems((prev) => (after ? [...prev, ...p.items] : p.items));
        setCursor(p.nextCursor);
        setError(undefined);
      } catch (e) {
        if (mine === run.current) setError(e instanceof ApiError ? e.message : String(e));
      } finally {
        if (mine === run.current) setLoading(false);
      }
    },
    [unreadOnly],
  );
  useEffect(() => {
    load(null);
  }, [load]);

  const markRead = async (n: Notification) => {
    if (n.readAt) return;
    const updated = await notificationApi.markRead(n.id);
    setItems((list) => list.map((x) => (x.id === n.id ? updated : x)));
  };
  const open = async (n: Notification) => {
    await markRead(n).catch(() => undefined);
    if (n.link) nav(n.link);
  };
  const readAll = async () => {
    try {
      const r = await notificationApi.markAllRead();
      message.success(`已将 ${r.updated} 条通知标记为已读`);
      load(null);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card>
      <div className="page-toolbar">
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            通知中心
          </Typography.Title>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => setUnreadOnly(v === 'unread')}
            options={[
              { value: 'all', label: '全部' },
              { value: 'unread', label: '未读' },
            ]}
          />
        </Space>
        <Button onClick={readAll}>全部标记为已读</Button>
      </div>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<Notification>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: unreadOnly ? '没有未读通知' : '暂无通知' }}
        data-testid="notification-table"
        columns={[
          {
            title: '',
            key: 'dot',
            width: 28,
            render: (_, n) => (n.readAt ? null : <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: '#ff4d4f' }} />),
          },
          { title: '类别', dataIndex: 'kind', width: 120, render: (k: string) => <Tag color={KIND_COLORS[k]}>{NOTIFICATION_KIND_LABELS[k] ?? k}</Tag> },
          {
            title: '通知',
            key: 'title',
            render: (_, n) => (
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
          { title: '时间', dataIndex: 'createdAt', width: 170, render: fmtDateTime },
          {
            title: '操作',
            key: 'op',
            width: 100,
            render: (_, n) =>
              n.readAt ? (
                <Typography.Text type="secondary">已读</Typography.Text>
              ) : (
                <Button type="link" size="small" onClick={() => markRead(n).catch((e) => message.error(errorMessage(e)))}>
                  标为已读
                </Button>
              ),
          },
        ]}
      />
      {cursor && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => load(cursor)} loading={loading}>
            加载更多
          </Button>
        </div>
      )}
    </Card>
  );
}
