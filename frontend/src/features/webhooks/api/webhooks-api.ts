import type { OrgUnit, PutWebhookRequest, WebhookSetting, WebhookTestResult } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

/** The robots of the org units in the admin's scope. */
export function getWebhooks(signal?: AbortSignal): Promise<WebhookSetting[]> {
  return apiClient.get<WebhookSetting[]>('/notifications/webhooks', { signal });
}

/** The org units in the caller's scope (own unit and everything below). */
export function getScopeOrgUnits(signal?: AbortSignal): Promise<OrgUnit[]> {
  return apiClient.get<OrgUnit[]>('/org-units', { signal });
}

export function putWebhook(orgUnitId: string, body: PutWebhookRequest): Promise<WebhookSetting> {
  return apiClient.put<WebhookSetting>(`/notifications/webhooks/${orgUnitId}`, body);
}

export function deleteWebhook(orgUnitId: string): Promise<void> {
  return apiClient.delete(`/notifications/webhooks/${orgUnitId}`);
}

export function testWebhook(orgUnitId: string): Promise<WebhookTestResult> {
  return apiClient.post<WebhookTestResult>(`/notifications/webhooks/${orgUnitId}/test`);
}
