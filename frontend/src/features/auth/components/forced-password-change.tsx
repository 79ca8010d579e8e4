import { Alert, Button, Card, Flex, Typography } from 'antd';
import type { CurrentUser } from '@dutylist/shared';
import { useLogout } from '../hooks/use-logout';
import { ChangePasswordForm } from './change-password-form';

/**
 * All a user with a one-time password sees (the API refuses everything else until it is changed):
 * choose a password of their own, or log out.
 */
export function ForcedPasswordChange({ user }: { user: CurrentUser }) {
  const logout = useLogout();
  return (
    <Flex
      vertical
      align="center"
      style={{
        minHeight: '100vh',
        padding: '64px 16px',
        background: 'linear-gradient(180deg, #e8f0fb 0%, #f5f7fa 60%)',
      }}
      data-testid="forced-password-change"
    >
      <Card title="请修改初始密码" style={{ width: 420, maxWidth: '100%' }}>
        <Typography.Paragraph>
          {`${user.displayName}（${user.username}，${user.orgUnit.name}），您正在使用管理员发放的初始密码。`}
          为保护账号安全，请先设置您自己的密码，然后才能继续使用系统。
        </Typography.Paragraph>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="修改后，您在其他设备上的登录将自动退出。" />
        <ChangePasswordForm username={user.username} currentLabel="初始密码" submitLabel="设置新密码并进入系统" />
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button type="link" onClick={logout} data-testid="forced-logout">
            退出登录
          </Button>
        </Flex>
      </Card>
    </Flex>
  );
}
