import { Alert, App, Switch, Table, Typography } from 'antd';
import {
  NOTIFICATION_CHANNEL_LABELS,
  NOTIFICATION_EVENTS,
  NOTIFICATION_EVENT_LABELS,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationPreferences,
} from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { useUpdateNotificationPreferences } from '../hooks/use-notification-preferences';

interface Row {
  event: NotificationEvent;
}

/** On/off per event and channel; each switch saves at once. */
export function NotificationPreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const { message } = App.useApp();
  const update = useUpdateNotificationPreferences();
  const enabled = (event: NotificationEvent, channel: NotificationChannel) =>
    preferences.preferences.find((p) => p.event === event && p.channel === channel)?.enabled ?? true;
  const toggle = (event: NotificationEvent, channel: NotificationChannel, value: boolean) =>
    update.mutate(
      { preferences: [{ event, channel, enabled: value }] },
      { onError: (error) => void message.error(errorMessage(error, '保存失败，请稍后重试')) },
    );
  const emailNote = !preferences.email.configured
    ? '系统尚未配置邮件服务器，暂不发送邮件通知。'
    : !preferences.email.address
      ? '您的账号没有登记邮箱地址，不会收到邮件通知。'
      : `邮件将发送到 ${preferences.email.address}。`;
  return (
    <div data-testid="notification-preferences">
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={emailNote} />
      <Table<Row>
        rowKey="event"
        size="middle"
        pagination={false}
        dataSource={NOTIFICATION_EVENTS.map((event) => ({ event }))}
        columns={[
          {
            title: '通知类型',
            dataIndex: 'event',
            render: (event: NotificationEvent) => <Typography.Text>{NOTIFICATION_EVENT_LABELS[event]}</Typography.Text>,
          },
          ...(['inapp', 'email'] as const).map((channel) => ({
            title: NOTIFICATION_CHANNEL_LABELS[channel],
            key: channel,
            width: 140,
            render: (_: unknown, row: Row) => (
              <Switch
                size="small"
                checked={enabled(row.event, channel)}
                disabled={update.isPending || (channel === 'email' && !preferences.email.configured)}
                onChange={(value) => toggle(row.event, channel, value)}
                data-testid={`preference-${row.event}-${channel}`}
                aria-label={`${NOTIFICATION_EVENT_LABELS[row.event]} ${NOTIFICATION_CHANNEL_LABELS[channel]}`}
              />
            ),
          })),
        ]}
      />
    </div>
  );
}
