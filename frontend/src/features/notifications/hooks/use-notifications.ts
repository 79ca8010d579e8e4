import { useQuery } from '@tanstack/react-query';
import { getNotifications, getUnreadCount } from '../api/notifications-api';
import { notificationKeys } from '../api/notification-keys';

/** The newest 50 rows of the inbox (or only the unread ones). */
export function useNotifications(filter: { unread: boolean }) {
  return useQuery({
    queryKey: notificationKeys.list(filter),
    queryFn: ({ signal }) => getNotifications(filter, signal),
  });
}

/** The bell's number; kept fresh by the live stream (see useNotificationStream). */
export function useUnreadCount({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) => getUnreadCount(signal),
    enabled,
  });
}
