import { useQuery } from '@tanstack/react-query';
import { dashboardKeys } from '../api/dashboard-keys';
import { getDashboard } from '../api/get-dashboard';

export function useDashboard() {
  return useQuery({
    queryKey: dashboardKeys.rows(),
    queryFn: ({ signal }) => getDashboard(signal),
  });
}
