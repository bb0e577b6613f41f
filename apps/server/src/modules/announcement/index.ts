// Public entry of announcements (公告公示): lists built from records, approved, published on the public site; objections.
export { announcementRoutes } from './announcement.routes.ts';
export { publicAnnouncementRoutes } from './public.routes.ts';
export { ANNOUNCEMENT_TRANSITIONS, nextStatus } from './announcement.machine.ts';
export { sealLegacyObjections } from './objection.service.ts';
