import type { DashboardRow } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function getDashboard(signal?: AbortSignal): Promise<DashboardRow[]> {
  return apiClient.get<DashboardRow[]>('/dashboard', { signal });
}
