import { Typography } from 'antd';
import type { Role } from '@dutylist/shared';
import { ErrorState } from '@/components/error-state';
import { useCurrentUser } from '@/features/auth/hooks/use-current-user';
import type { DashboardGrouping } from '@/features/dashboard/components/dashboard-grouping';
import { DashboardView } from '@/features/dashboard/components/dashboard-view';
import { useDashboard } from '@/features/dashboard/hooks/use-dashboard';

const GROUPING: Record<Role, DashboardGrouping> = {
  township_drafter: 'none',
  county_reviewer: 'none',
  prefecture_reviewer: 'county',
  region_reviewer: 'prefecture',
  admin: 'prefecture',
};

export function DashboardPage() {
  const { data: user } = useCurrentUser();
  const dashboardQuery = useDashboard();
  const grouping = user ? GROUPING[user.role] : 'none';
  return (
    <div data-testid="dashboard-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        审核总览
      </Typography.Title>
      {dashboardQuery.isError ? (
        <ErrorState error={dashboardQuery.error} onRetry={() => void dashboardQuery.refetch()} />
      ) : (
        <DashboardView rows={dashboardQuery.data ?? []} grouping={grouping} loading={dashboardQuery.isPending} />
      )}
    </div>
  );
}
