import { Navigate, createBrowserRouter } from 'react-router';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { AppLayout } from './layout/app-layout';
import { AdminAuditPage } from './routes/admin-audit-page';
import { AdminOrgUnitsPage } from './routes/admin-org-units-page';
import { AdminUsersPage } from './routes/admin-users-page';
import { ChangePasswordPage } from './routes/change-password-page';
import { ComparePage } from './routes/compare-page';
import { DashboardPage } from './routes/dashboard-page';
import { DiffPage } from './routes/diff-page';
import { EditionsPage } from './routes/editions-page';
import { ImportPage } from './routes/import-page';
import { ListHistoryPage } from './routes/list-history-page';
import { ListPage } from './routes/list-page';
import { ListsPage } from './routes/lists-page';
import { LoginPage } from './routes/login-page';
import { NotFoundPage } from './routes/not-found-page';
import { NotificationsPage } from './routes/notifications-page';
import { OnboardingPage } from './routes/onboarding-page';
import { ReviewPage } from './routes/review-page';
import { RouteErrorPage } from './routes/route-error-page';
import { SsoCallbackPage } from './routes/sso-callback-page';
import { TasksPage } from './routes/tasks-page';
import { WebhooksPage } from './routes/webhooks-page';

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
    { path: '/login/sso', element: <SsoCallbackPage />, errorElement: <RouteErrorPage /> },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <Navigate to="/lists" replace /> },
        { path: 'lists', element: <ListsPage /> },
        { path: 'lists/:listId', element: <ListPage /> },
        { path: 'lists/:listId/import', element: <ImportPage /> },
        { path: 'lists/:listId/review', element: <ReviewPage /> },
        { path: 'lists/:listId/history', element: <ListHistoryPage /> },
        { path: 'lists/:listId/diff', element: <DiffPage /> },
        { path: 'lists/:listId/compare', element: <ComparePage /> },
        { path: 'tasks', element: <TasksPage /> },
        { path: 'dashboard', element: <DashboardPage /> },
        { path: 'notifications', element: <NotificationsPage /> },
        { path: 'admin/onboarding', element: <OnboardingPage /> },
        { path: 'admin/webhooks', element: <WebhooksPage /> },
        { path: 'admin/org-units', element: <AdminOrgUnitsPage /> },
        { path: 'admin/users', element: <AdminUsersPage /> },
        { path: 'admin/audit', element: <AdminAuditPage /> },
        { path: 'account/password', element: <ChangePasswordPage /> },
        { path: 'editions', element: <EditionsPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
