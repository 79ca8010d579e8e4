import { Dropdown, Space, Typography } from 'antd';
import type { CurrentUser } from '@dutylist/shared';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';

/** 上次登录 as the header shows it. */
export function formatLastLogin(lastLoginAt: string | null): string {
  return lastLoginAt ? dayjs(lastLoginAt).format('YYYY-MM-DD HH:mm') : '首次登录';
}

/** The user's name in the header; it opens 上次登录 and 修改密码. */
export function UserMenu({ user }: { user: CurrentUser }) {
  const navigate = useNavigate();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'last-login',
            disabled: true,
            label: <span data-testid="last-login">上次登录：{formatLastLogin(user.lastLoginAt)}</span>,
          },
          { type: 'divider' },
          { key: 'password', label: <span data-testid="menu-change-password">修改密码</span> },
        ],
        onClick: ({ key }) => {
          if (key === 'password') void navigate('/account/password');
        },
      }}
    >
      <a onClick={(e) => e.preventDefault()} data-testid="user-menu" style={{ color: '#fff' }}>
        <Space size={4}>
          <Typography.Text style={{ color: '#fff' }} data-testid="current-user-name">
            {user.displayName}
          </Typography.Text>
          <span aria-hidden style={{ fontSize: 10 }}>
            ▼
          </span>
        </Space>
      </a>
    </Dropdown>
  );
}
