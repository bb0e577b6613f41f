// Public entry of the post-deadline joint notice (到期联合通知, 001 第五篇 §五; issue 12).
export { jointNoticeRoutes } from './joint-notice.routes.ts';
export { noticeItemTodoSource } from './joint-notice.todo.ts';
