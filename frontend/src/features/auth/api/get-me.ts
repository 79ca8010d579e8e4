import type { CurrentUser } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function getMe(signal?: AbortSignal): Promise<CurrentUser> {
  return apiClient.get<CurrentUser>('/auth/me', { signal });
}
