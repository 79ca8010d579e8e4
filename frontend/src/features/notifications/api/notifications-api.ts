import type {
  Notification,
  NotificationPage,
  NotificationPreferences,
  ReadAllResponse,
  StreamToken,
  UpdateNotificationPreferencesRequest,
} from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function getNotifications(
  filter: { unread: boolean; limit?: number; before?: string },
  signal?: AbortSignal,
): Promise<NotificationPage> {
  return apiClient.get<NotificationPage>('/notifications', {
    query: { unread: filter.unread ? 'true' : undefined, limit: filter.limit ?? 50, before: filter.before },
    signal,
  });
}

export function getUnreadCount(signal?: AbortSignal): Promise<{ unread: number }> {
  return apiClient.get<{ unread: number }>('/notifications/unread-count', { signal });
}

export function markNotificationRead(id: string): Promise<Notification> {
  return apiClient.post<Notification>(`/notifications/${id}/read`);
}

export function markAllNotificationsRead(): Promise<ReadAllResponse> {
  return apiClient.post<ReadAllResponse>('/notifications/read-all');
}

export function getNotificationPreferences(signal?: AbortSignal): Promise<NotificationPreferences> {
  return apiClient.get<NotificationPreferences>('/notifications/preferences', { signal });
}

export function updateNotificationPreferences(
  body: UpdateNotificationPreferencesRequest,
): Promise<NotificationPreferences> {
  return apiClient.put<NotificationPreferences>('/notifications/preferences', body);
}

/** A 60-second token for the live stream (EventSource cannot send the Authorization header). */
export function createStreamToken(): Promise<StreamToken> {
  return apiClient.post<StreamToken>('/notifications/stream-token');
}
