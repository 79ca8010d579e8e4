import { Typography } from 'antd';
import type { OrgLevel } from '@dutylist/shared';
import { ErrorState } from '@/components/error-state';
import { useCurrentUser } from '@/features/auth/hooks/use-current-user';
import type { DashboardGrouping } from '@/features/dashboard/components/dashboard-grouping';
import { DashboardView } from '@/features/dashboard/components/dashboard-view';
import { useDashboard } from '@/features/dashboard/hooks/use-dashboard';

/** A county sees its townships in one table; a prefecture groups them by county, the region by prefecture. */
const GROUPING: Record<OrgLevel, DashboardGrouping> = {
  region: 'prefecture',
  prefecture: 'county',
  county: 'none',
  township: 'none',
  department: 'none',
};

export function DashboardPage() {
  const { data: user } = useCurrentUser();
  const dashboardQuery = useDashboard();
  const grouping = user ? GROUPING[user.orgUnit.level] : 'none';
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
