import { App, Card, Descriptions, Flex } from 'antd';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { formatLastLogin } from '@/features/auth/components/user-menu';
import { useCurrentUser } from '@/features/auth/hooks/use-current-user';

/** 修改密码: the signed-in user's own password (from the user menu in the header). */
export function ChangePasswordPage() {
  const { data: user } = useCurrentUser();
  const { message } = App.useApp();
  if (!user) return null;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 480 }} data-testid="change-password-page">
      <Card title="账号">
        <Descriptions column={1} size="small">
          <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
          <Descriptions.Item label="单位">{user.orgUnit.name}</Descriptions.Item>
          <Descriptions.Item label="上次登录">{formatLastLogin(user.lastLoginAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="修改密码">
        <ChangePasswordForm
          username={user.username}
          onSuccess={() => void message.success('密码已修改，您在其他设备上的登录已退出')}
        />
      </Card>
    </Flex>
  );
}
