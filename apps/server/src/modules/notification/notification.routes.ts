import { IdParam, listPageOf, Notification, NotificationFilterQuery, NotificationQuery, UnreadCount } from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { prepareNotificationExport } from './notification-export.ts';
import * as service from './notification.service.ts';

export function notificationRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['notifications'];
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: '我的通知（新的在前；unread=true 只看未读；页码或游标分页，按编号排序）',
        querystring: NotificationQuery,
        response: { 200: listPageOf(Notification) },
      },
    },
    async (req) => service.listMine(ctx.db, req.actor!, req.query),
  );
  app.get(
    '/api/v1/notifications/export.xlsx',
    { schema: { tags, summary: '导出我的通知（xlsx，按列表筛选条件）', querystring: NotificationFilterQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareNotificationExport(ctx.db, ctx.clock, req.actor!, req.query)),
  );
  app.get(
    '/api/v1/notifications/unread-count',
    { schema: { tags, summary: '未读通知数', response: { 200: UnreadCount } } },
    async (req) => service.unreadCount(ctx.db, req.actor!),
  );
  app.post(
    '/api/v1/notifications/:id/read',
    { schema: { tags, summary: '标记一条通知为已读', params: IdParam, response: { 200: Notification } } },
    async (req) => service.markRead(ctx.db, ctx.clock, req.actor!, req.params.id),
  );
  app.post(
    '/api/v1/notifications/read-all',
    { schema: { tags, summary: '全部标记为已读', response: { 200: z.object({ updated: z.number().int() }) } } },
    async (req) => service.markAllRead(ctx.db, ctx.clock, req.actor!),
  );
}
