import { Badge, Button, Flex, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { ROLE_LABELS, type UserAbilities } from '@dutylist/shared';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '@/features/auth/hooks/use-current-user';
import { UserMenu } from '@/features/auth/components/user-menu';
import { useLogout } from '@/features/auth/hooks/use-logout';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { useNotificationStream } from '@/features/notifications/hooks/use-notification-stream';
import { useMyTasks } from '@/features/tasks/hooks/use-my-tasks';

export const PRODUCT_NAME = '乡镇履职事项清单审核系统';

const MENU_SECTIONS = [
  '/tasks',
  '/lists',
  '/dashboard',
  '/editions',
  '/admin/org-units',
  '/admin/users',
  '/admin/onboarding',
  '/admin/webhooks',
  '/admin/audit',
] as const;

/** Side menu entries; every one links to a page that exists, shown from what `me.can` allows. */
function buildMenuItems(can: UserAbilities | undefined, taskCount: number): MenuProps['items'] {
  return [
    {
      key: '/tasks',
      label: (
        <Flex justify="space-between" align="center" data-testid="menu-tasks">
          <span>我的待办</span>
          <Badge count={taskCount} size="small" data-testid="menu-tasks-count" />
        </Flex>
      ),
    },
    { key: '/lists', label: '我的清单' },
    ...(can?.viewDashboard ? [{ key: '/dashboard', label: '审核总览' }] : []),
    ...(can?.manageEditions ? [{ key: '/editions', label: <span data-testid="menu-editions">届次管理</span> }] : []),
    ...(can?.manageOrgUnits ? [{ key: '/admin/org-units', label: '机构管理' }] : []),
    ...(can?.manageAccounts ? [{ key: '/admin/users', label: '账号管理' }] : []),
    ...(can?.onboard ? [{ key: '/admin/onboarding', label: '批量导入' }] : []),
    ...(can?.manageWebhooks ? [{ key: '/admin/webhooks', label: '通知机器人' }] : []),
    ...(can?.manageOrgUnits || can?.manageAccounts ? [{ key: '/admin/audit', label: '管理日志' }] : []),
  ];
}

export function AppLayout() {
  const { data: user } = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const tasksQuery = useMyTasks({ enabled: user !== undefined });
  const selectedKey = MENU_SECTIONS.find((key) => location.pathname.startsWith(key)) ?? location.pathname;
  const menuItems = buildMenuItems(user?.can, tasksQuery.data?.length ?? 0);
  useNotificationStream(user !== undefined);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', paddingInline: 24 }}>
        <Typography.Text
          strong
          style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}
          data-testid="product-name"
        >
          {PRODUCT_NAME}
        </Typography.Text>
        <Flex flex={1} justify="flex-end" align="center">
          {user && (
            <Space size="middle" data-testid="current-user">
              <NotificationBell enabled />
              <UserMenu user={user} />
              <Tag color="blue" data-testid="current-user-role">
                {ROLE_LABELS[user.role]}
              </Tag>
              <Typography.Text style={{ color: 'rgba(255, 255, 255, 0.75)' }} data-testid="current-user-org">
                {user.orgUnit.name}
              </Typography.Text>
              <Button size="small" ghost onClick={logout} data-testid="logout">
                退出登录
              </Button>
            </Space>
          )}
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
          <Menu
            mode="inline"
            selectedKeys={[selectedKey]}
            items={menuItems}
            onClick={({ key }) => void navigate(key)}
            style={{ height: '100%', borderInlineEnd: 0 }}
            data-testid="side-menu"
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
