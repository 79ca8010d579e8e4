import type { LoginRequest, LoginResponse } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function login(body: LoginRequest): Promise<LoginResponse> {
  return apiClient.post<LoginResponse>('/auth/login', body, { skipAuthRedirect: true });
}
