import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useUnreadCount } from '../hooks/use-notifications';

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="currentColor">
      <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
    </svg>
  );
}

/** The header's bell: unread count, opens the inbox. */
export function NotificationBell({ enabled }: { enabled: boolean }) {
  const navigate = useNavigate();
  const { data } = useUnreadCount({ enabled });
  const unread = data?.unread ?? 0;
  return (
    <Tooltip title={unread ? `${unread} 条未读通知` : '通知'}>
      <Badge count={unread} size="small" overflowCount={99} offset={[-4, 4]}>
        <Button
          type="text"
          shape="circle"
          aria-label={unread ? `通知（${unread} 条未读）` : '通知'}
          icon={<BellIcon />}
          style={{ color: '#fff' }}
          onClick={() => void navigate('/notifications')}
          data-testid="notification-bell"
        />
      </Badge>
      <span data-testid="notification-count" data-count={unread} hidden>
        {unread}
      </span>
    </Tooltip>
  );
}
