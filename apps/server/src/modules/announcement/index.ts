// Public entry of announcements (公告公示): lists built from records, approved, published on the public site; objections.

export { announcementMachine, nextStatus } from './announcement.machine.ts';
export { announcementRoutes } from './announcement.routes.ts';
export { publicAnnouncementRoutes } from './public.routes.ts';
export { sealLegacyObjections } from './objection.service.ts';
export { announcementTodoSource } from './announcement.todo.ts';
export { objectionTodoSource } from './objection.todo.ts';
