import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import type { NotificationStreamEvent } from '@dutylist/shared';
import { listKeys } from '@/features/lists/api/list-keys';
import { taskKeys } from '@/features/tasks/api/task-keys';
import { createStreamToken } from '../api/notifications-api';
import { notificationKeys } from '../api/notification-keys';

const RETRY_MS = [1000, 2000, 5000, 10000, 30000];

/**
 * Keeps an EventSource on /api/notifications/stream while the user is signed in. Each new notification
 * invalidates the inbox queries (bell, inbox page), the tasks and the lists, and pops up a short notice; a dropped connection is
 * reopened with a fresh token (tokens live 60 s, EventSource would reuse the old one).
 */
export function useNotificationStream(enabled: boolean): void {
  const queryClient = useQueryClient();
  const { notification } = App.useApp();

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return undefined;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let closed = false;

    const open = async () => {
      try {
        const { token } = await createStreamToken();
        if (closed) return;
        source = new EventSource(`/api/notifications/stream?token=${encodeURIComponent(token)}`);
        source.onmessage = (message: MessageEvent<string>) => {
          const event = JSON.parse(message.data) as NotificationStreamEvent;
          if (event.type === 'ready') {
            attempt = 0;
            void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
          } else if (event.type === 'notification') {
            void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
            // Whose turn it is may have changed: the 我的待办 badge and the list's stage.
            void queryClient.invalidateQueries({ queryKey: taskKeys.all });
            void queryClient.invalidateQueries({ queryKey: listKeys.all });
            notification.info({
              message: event.notification.title,
              description: event.notification.body.split('\n')[0],
              placement: 'bottomRight',
              duration: 6,
            });
          }
        };
        source.onerror = () => {
          source?.close();
          retry();
        };
      } catch {
        retry();
      }
    };
    const retry = () => {
      if (closed) return;
      timer = setTimeout(() => void open(), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
      attempt += 1;
    };

    void open();
    return () => {
      closed = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [enabled, queryClient, notification]);
}
