import type { Notification } from '@taotai/shared';
import { api } from '../../shared/api.ts';

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  total: number | null;
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** The bell listens here, so reading a notification on the page updates the count at once. */
export function onNotificationsChanged(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
const changed = () => {
  for (const l of listeners) l();
};

export const notificationApi = {
  list: (q: { unread?: boolean; cursor?: string | null; limit?: number } = {}) =>
    api.get<NotificationPage>('/notifications', { unread: q.unread ? 'true' : undefined, cursor: q.cursor ?? undefined, limit: q.limit ?? 20 }),
  unreadCount: () => api.get<{ count: number }>('/notifications/unread-count'),
  markRead: async (id: number) => {
    const n = await api.post<Notification>(`/notifications/${id}/read`);
    changed();
    return n;
  },
  markAllRead: async () => {
    const r = await api.post<{ updated: number }>('/notifications/read-all');
    changed();
    return r;
  },
};
