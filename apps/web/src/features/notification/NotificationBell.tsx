import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@taotai/shared';
import { Badge, Button, Empty, Popover, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { fmtDateTime } from '../../shared/format.ts';
import { notificationApi, onNotificationsChanged } from './notification-api.ts';

const POLL_MS = 60_000;

/** The header bell: unread count (polled each minute and on every page change), the latest unread in a popover. */
export function NotificationBell() {
  const nav = useNavigate();
  const loc = useLocation();
  const [count, setCount] = useState(0);
  const [open, setOpen] = useState(false);
  const [latest, setLatest] = useState<Notification[]>([]);

  const refresh = useCallback(() => {
    notificationApi
      .unreadCount()
      .then((c) => setCount(c.count))
      .catch(() => undefined);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a page change is a good moment to look again.
  useEffect(() => {
    refresh();
  }, [refresh, loc.pathname]);
  useEffect(() => {
    const t = setInterval(refresh, POLL_MS);
    const off = onNotificationsChanged(refresh);
    return () => {
      clearInterval(t);
      off();
    };
  }, [refresh]);
  useEffect(() => {
    if (!open) return;
    notificationApi
      .list({ unread: true, limit: 5 })
      .then((p) => setLatest(p.items))
      .catch(() => setLatest([]));
  }, [open]);

  const openOne = async (n: Notification) => {
    setOpen(false);
    await notificationApi.markRead(n.id).catch(() => undefined);
    if (n.link) nav(n.link);
  };

  const content = (
    <div style={{ width: 340 }}>
      {latest.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有未读通知" />
      ) : (
        latest.map((n) => (
          <div
            key={n.id}
            role="button"
            tabIndex={0}
            onClick={() => openOne(n)}
            onKeyDown={(e) => e.key === 'Enter' && openOne(n)}
            style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0', cursor: 'pointer' }}
          >
            <Typography.Text strong>{n.title}</Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fmtDateTime(n.createdAt)}
              </Typography.Text>
            </div>
          </div>
        ))
      )}
      <Space style={{ marginTop: 8, justifyContent: 'flex-end', width: '100%' }}>
        <Button
          type="link"
          size="small"
          onClick={() => {
            setOpen(false);
            nav('/notifications');
          }}
        >
          查看全部通知
        </Button>
      </Space>
    </div>
  );

  return (
    <Popover content={content} title="未读通知" trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={count} size="small" offset={[-4, 4]} data-testid="notification-count">
        <Button type="text" icon={<BellOutlined style={{ fontSize: 18 }} />} aria-label={`通知（${count}条未读）`} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
