import { apiClient } from '@/lib/api-client';

/** Ends the session on the server, so the token stops working even where it was copied. */
export function logout(): Promise<void> {
  return apiClient.post<void>('/auth/logout', undefined, { skipAuthRedirect: true });
}
