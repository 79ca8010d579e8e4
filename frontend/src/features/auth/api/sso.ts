import type { SsoConfigResponse, SsoExchangeResponse } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

/** Where the single sign-on button goes: a browser navigation, since the server redirects to the provider. */
export function ssoLoginUrl(next: string): string {
  return `/api/auth/oidc/login?next=${encodeURIComponent(next)}`;
}

export function getSsoConfig(signal?: AbortSignal): Promise<SsoConfigResponse> {
  return apiClient.get<SsoConfigResponse>('/auth/oidc/config', { signal, skipAuthRedirect: true });
}

/** Redeems the one-time code of the callback (the browser sends its binding cookie along). */
export function exchangeSsoCode(code: string): Promise<SsoExchangeResponse> {
  return apiClient.post<SsoExchangeResponse>('/auth/oidc/exchange', { code }, { skipAuthRedirect: true });
}
