// Public entry of the notification centre: other modules send with `notify` inside their transaction.
export { notificationRoutes } from './notification.routes.ts';
export { notify } from './notification.service.ts';
export type { NotificationInsert } from './notification.repository.ts';
