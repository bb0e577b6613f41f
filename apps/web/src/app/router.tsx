import { Spin } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router-dom';
import LoginPage from '../features/auth/LoginPage.tsx';
import { RequireAbility, RequireAuth } from './access.tsx';
import { AppLayout } from './layout.tsx';
import { NotFoundPage } from './not-found.tsx';

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

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/change-password', element: page(() => import('../features/auth/ChangePasswordPage.tsx')) },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout>
          <Outlet />
        </AppLayout>
      </RequireAuth>
    ),
    children: [
      { index: true, element: page(() => import('../features/home/HomePage.tsx')) },
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
      { path: 'catalogue', element: page(() => import('../features/catalogue/CataloguePage.tsx')) },
      { path: 'audit', element: guarded('audit:read', page(() => import('../features/audit/AuditPage.tsx'))) },
      { path: 'users', element: guarded('user:manage', page(() => import('../features/users/UsersPage.tsx'))) },
      {
        path: 'settings/security',
        element: guarded('settings:manage', page(() => import('../features/settings/SecuritySettingsPage.tsx'))),
      },
      { path: 'home', element: <Navigate to="/" replace /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
