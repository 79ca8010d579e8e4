import type { DemoAccountsResponse } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function getDemoAccounts(signal?: AbortSignal): Promise<DemoAccountsResponse> {
  return apiClient.get<DemoAccountsResponse>('/auth/demo-accounts', { signal, skipAuthRedirect: true });
}
