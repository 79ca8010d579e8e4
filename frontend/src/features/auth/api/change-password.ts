import type { ChangePasswordRequest } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

/** Changes the signed-in user's password; their other sessions end, this one goes on. */
export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return apiClient.post<void>('/auth/change-password', body);
}
