import { App, Button, Flex, Segmented, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { PageLoading } from '@/components/page-loading';
import { NotificationList } from '@/features/notifications/components/notification-list';
import { NotificationPreferencesForm } from '@/features/notifications/components/notification-preferences-form';
import { useMarkAllRead } from '@/features/notifications/hooks/use-mark-read';
import { useNotificationPreferences } from '@/features/notifications/hooks/use-notification-preferences';
import { useNotifications } from '@/features/notifications/hooks/use-notifications';
import { errorMessage } from '@/lib/api-client';

function Inbox() {
  const { message } = App.useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const query = useNotifications({ unread: unreadOnly });
  const markAll = useMarkAllRead();
  const unread = query.data?.unread ?? 0;
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Segmented<string>
          options={['全部', `未读 ${unread}`]}
          value={unreadOnly ? `未读 ${unread}` : '全部'}
          onChange={(value) => setUnreadOnly(value !== '全部')}
          data-testid="notifications-filter"
        />
        <Button
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onError: (error) => void message.error(errorMessage(error)),
            })
          }
          data-testid="notifications-read-all"
        >
          全部标为已读
        </Button>
      </Flex>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <NotificationList items={query.data?.items ?? []} loading={query.isPending} />
      )}
    </>
  );
}

function Settings() {
  const query = useNotificationPreferences();
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <NotificationPreferencesForm preferences={query.data} />;
}

/** 消息通知: the inbox (live, see useNotificationStream) and the per-event, per-channel settings. */
export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'settings' ? 'settings' : 'inbox';
  return (
    <div data-testid="notifications-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        消息通知
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'settings' ? { tab: 'settings' } : {})}
        items={[
          { key: 'inbox', label: '收件箱', children: <Inbox /> },
          { key: 'settings', label: '通知设置', children: <Settings /> },
        ]}
      />
    </div>
  );
}
