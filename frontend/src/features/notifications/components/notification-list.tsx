import { Badge, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { NOTIFICATION_EVENT_LABELS, type Notification } from '@dutylist/shared';
import { useNavigate } from 'react-router';
import { useMarkRead } from '../hooks/use-mark-read';

function kindLabel(n: Notification): string {
  return n.kind === 'digest' ? `动态汇总 · ${n.eventCount} 条` : NOTIFICATION_EVENT_LABELS[n.kind];
}

/** Inbox rows: unread ones marked; opening a row marks it read and follows its deep link. */
export function NotificationList({ items, loading }: { items: Notification[]; loading: boolean }) {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    void navigate(n.link);
  };
  return (
    <List
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty description="暂无通知" /> }}
      renderItem={(n) => (
        <List.Item
          key={n.id}
          data-testid="notification-row"
          data-unread={n.readAt ? 'false' : 'true'}
          onClick={() => open(n)}
          style={{ cursor: 'pointer', background: n.readAt ? undefined : '#f0f6ff', paddingInline: 16 }}
          actions={[
            <Typography.Link
              key="open"
              onClick={(e) => {
                e.stopPropagation();
                open(n);
              }}
            >
              查看
            </Typography.Link>,
          ]}
        >
          <List.Item.Meta
            title={
              <Space size="small" wrap>
                {!n.readAt && <Badge status="processing" />}
                <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                <Tag>{kindLabel(n)}</Tag>
              </Space>
            }
            description={
              <Space direction="vertical" size={2}>
                <Typography.Text type="secondary" style={{ whiteSpace: 'pre-line' }}>
                  {n.body}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                  {n.actor ? ` · ${n.actor.displayName}（${n.actor.orgName}）` : ''}
                </Typography.Text>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
