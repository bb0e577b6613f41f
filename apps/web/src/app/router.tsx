import { Spin } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, type RouteObject } from 'react-router-dom';
import LoginPage from '../features/auth/LoginPage.tsx';
import { RequireAbility, RequireAuth } from './access.tsx';
import { AppLayout } from './layout.tsx';
import { NotFoundPage } from './not-found.tsx';
import { documentTitle, metaOf, type RouteMeta } from './route-meta.ts';

// Each page is its own chunk; only the shell and the login page load up front.
const page = (load: () => Promise<{ default: ComponentType }>) => {
  const C = lazy(load);
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
      <C />
    </Suspense>
  );
};
const guarded = (ability: Parameters<typeof RequireAbility>[0]['ability'], el: ReactNode) => (
  <RequireAbility ability={ability}>{el}</RequireAbility>
);

/** Each route carries its entry of the route-meta table as `handle` (the layout reads it through useMatches). */
const withMeta = (base: string, routes: RouteObject[]): RouteObject[] =>
  routes.map((r) => {
    if (r.element && (r.element as { type?: unknown }).type === Navigate) return r;
    const path = r.index ? base : r.path === '*' ? '*' : `${base === '/' ? '' : base}/${r.path}`;
    return { ...r, handle: metaOf(path) } as RouteObject;
  });

export const router = createBrowserRouter([
  ...withMeta('', [
    { path: 'login', element: <LoginPage /> },
    { path: 'change-password', element: page(() => import('../features/auth/ChangePasswordPage.tsx')) },
  ]),
  // The public site (公告公示): no login, outside RequireAuth.
  {
    path: '/public',
    element: page(() => import('../features/announcement/public/PublicLayout.tsx')),
    children: [
      { index: true, element: page(() => import('../features/announcement/public/PublicHomePage.tsx')) },
      { path: 'announcements/:id', element: page(() => import('../features/announcement/public/PublicAnnouncementPage.tsx')) },
      { path: 'objections', element: page(() => import('../features/announcement/public/PublicObjectionPage.tsx')) },
      { path: 'tips/new', element: page(() => import('../features/tip/public/PublicTipNewPage.tsx')) },
      { path: 'tips/lookup', element: page(() => import('../features/tip/public/PublicTipLookupPage.tsx')) },
      { path: 'tip-results', element: page(() => import('../features/tip/public/PublicTipResultsPage.tsx')) },
    ],
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout>
          <Outlet />
        </AppLayout>
      </RequireAuth>
    ),
    children: withMeta('/', [
      { index: true, element: page(() => import('../features/home/HomePage.tsx')) },
      { path: 'progress', element: guarded('enterprise:read', page(() => import('../features/progress/ProgressPage.tsx'))) },
      {
        path: 'enterprises',
        element: guarded('enterprise:read', page(() => import('../features/enterprise/EnterpriseListPage.tsx'))),
      },
      {
        path: 'enterprises/new',
        element: guarded('enterprise:write', page(() => import('../features/enterprise/EnterpriseEditPage.tsx'))),
      },
      {
        path: 'enterprises/:id',
        element: guarded('enterprise:read', page(() => import('../features/enterprise/EnterpriseDetailPage.tsx'))),
      },
      {
        path: 'enterprises/:id/edit',
        element: guarded('enterprise:write', page(() => import('../features/enterprise/EnterpriseEditPage.tsx'))),
      },
      { path: 'account', element: page(() => import('../features/auth/AccountPage.tsx')) },
      { path: 'catalogue', element: page(() => import('../features/catalogue/CataloguePage.tsx')) },
      { path: 'audit', element: guarded('audit:read', page(() => import('../features/audit/AuditPage.tsx'))) },
      { path: 'users', element: guarded('user:manage', page(() => import('../features/user/UsersPage.tsx'))) },
      {
        path: 'settings/security',
        element: guarded('settings:manage', page(() => import('../features/settings/SecuritySettingsPage.tsx'))),
      },
      { path: 'work-plan', element: page(() => import('../features/work-plan/WorkPlanPage.tsx')) },
      { path: 'filings', element: page(() => import('../features/filing/FilingListPage.tsx')) },
      { path: 'filings/:id', element: page(() => import('../features/filing/FilingRedirectPage.tsx')) },
      { path: 'filing-requirements/:id', element: page(() => import('../features/filing/RequirementDetailPage.tsx')) },
      { path: 'survey', element: page(() => import('../features/survey/SurveyRollupPage.tsx')) },
      { path: 'survey-filings/:id', element: page(() => import('../features/survey/SurveyFilingPage.tsx')) },
      { path: 'elimination-plans', element: page(() => import('../features/elimination-plan/PlanListPage.tsx')) },
      { path: 'elimination-plans/:id', element: page(() => import('../features/elimination-plan/PlanDetailPage.tsx')) },
      { path: 'targets', element: guarded('enterprise:read', page(() => import('../features/target/TargetListPage.tsx'))) },
      { path: 'targets/:id', element: guarded('enterprise:read', page(() => import('../features/target/TargetDetailPage.tsx'))) },
      { path: 'letters', element: page(() => import('../features/responsibility-letter/LetterListPage.tsx')) },
      { path: 'letters/:id', element: page(() => import('../features/responsibility-letter/LetterDetailPage.tsx')) },
      { path: 'exit-tasks', element: guarded('enterprise:read', page(() => import('../features/exit-task/ExitTaskListPage.tsx'))) },
      { path: 'exit-tasks/enterprises', element: guarded('enterprise:read', page(() => import('../features/exit-task/ExitTaskEnterprisesPage.tsx'))) },
      { path: 'exit-tasks/:id', element: guarded('enterprise:read', page(() => import('../features/exit-task/ExitTaskDetailPage.tsx'))) },
      { path: 'inspections', element: page(() => import('../features/inspection/InspectionListPage.tsx')) },
      { path: 'inspections/:id', element: page(() => import('../features/inspection/InspectionDetailPage.tsx')) },
      { path: 'announcements', element: page(() => import('../features/announcement/AnnouncementListPage.tsx')) },
      { path: 'announcements/:id', element: page(() => import('../features/announcement/AnnouncementDetailPage.tsx')) },
      { path: 'department-lists', element: page(() => import('../features/department-list/DepartmentListPage.tsx')) },
      { path: 'cases', element: guarded('enterprise:read', page(() => import('../features/non-compliance-case/CaseListPage.tsx'))) },
      { path: 'cases/:id', element: guarded('enterprise:read', page(() => import('../features/non-compliance-case/CaseDetailPage.tsx'))) },
      { path: 'tips', element: page(() => import('../features/tip/TipListPage.tsx')) },
      { path: 'tips/:id', element: page(() => import('../features/tip/TipDetailPage.tsx')) },
      { path: 'settings/tips', element: page(() => import('../features/tip/TipSettingsPage.tsx')) },
      { path: 'price-measures', element: page(() => import('../features/price-measure/PriceMeasureListPage.tsx')) },
      { path: 'price-measures/:id', element: page(() => import('../features/price-measure/PriceMeasureDetailPage.tsx')) },
      { path: 'joint-punishment', element: page(() => import('../features/joint-punishment/JointPunishmentListPage.tsx')) },
      { path: 'joint-punishment/:id', element: page(() => import('../features/joint-punishment/JointPunishmentDetailPage.tsx')) },
      { path: 'joint-notices', element: page(() => import('../features/joint-notice/JointNoticeListPage.tsx')) },
      { path: 'joint-notices/:id', element: page(() => import('../features/joint-notice/JointNoticeDetailPage.tsx')) },
      { path: 'data-quality', element: page(() => import('../features/data-quality/DataQualityPage.tsx')) },
      { path: 'my-calendar', element: page(() => import('../features/calendar/MyCalendarPage.tsx')) },
      { path: 'notifications', element: page(() => import('../features/notification/NotificationsPage.tsx')) },
      { path: 'todo', element: page(() => import('../features/todo/TodoPage.tsx')) },
      {
        path: 'settings/holidays',
        element: guarded('settings:manage', page(() => import('../features/calendar/HolidaySettingsPage.tsx'))),
      },
      { path: 'settings/documents', element: page(() => import('../features/settings/DocumentSettingsPage.tsx')) },
      { path: 'settings/todo', element: guarded('settings:manage', page(() => import('../features/settings/TodoSettingsPage.tsx'))) },
      { path: 'home', element: <Navigate to="/" replace /> },
      { path: '*', element: <NotFoundPage /> },
    ]),
  },
]);

// The browser tab says which page this is (「退出任务 - 落后产能退出综合管理平台」); the public site sets its own.
const syncTitle = (matches: { route: { handle?: unknown } }[]) => {
  const meta = [...matches].reverse().find((m) => m.route.handle)?.route.handle as RouteMeta | undefined;
  if (meta) document.title = documentTitle(meta.title);
};
syncTitle(router.state.matches);
router.subscribe((state) => syncTitle(state.matches));
