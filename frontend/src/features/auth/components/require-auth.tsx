import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { PageLoading } from '@/components/page-loading';
import { getToken } from '@/lib/auth-token';
import { useCurrentUser } from '../hooks/use-current-user';
import { ForcedPasswordChange } from './forced-password-change';

/**
 * Renders its children only for a signed-in user; otherwise sends the visitor to /login. A user who must
 * change a one-time password sees only that screen until it is done.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useCurrentUser();

  if (getToken() === null) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (me.isPending) return <PageLoading tip="正在加载用户信息…" />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data.mustChangePassword) return <ForcedPasswordChange user={me.data} />;
  return <>{children}</>;
}
