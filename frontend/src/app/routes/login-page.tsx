import { Card, Flex, Form, Typography } from 'antd';
import type { LoginRequest } from '@dutylist/shared';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { DemoAccountsPanel } from '@/features/auth/components/demo-accounts-panel';
import { LoginForm } from '@/features/auth/components/login-form';
import { SsoErrorAlert, SsoLoginButton } from '@/features/auth/components/sso-login';
import { getToken } from '@/lib/auth-token';
import { PRODUCT_NAME } from '../layout/app-layout';

/** Where to go after login: the page that sent us here, if it was inside the app. */
function redirectTarget(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')) {
      return from;
    }
  }
  return '/lists';
}

export function LoginPage() {
  const [form] = Form.useForm<LoginRequest>();
  const navigate = useNavigate();
  const location = useLocation();
  const target = redirectTarget(location.state);

  if (getToken() !== null) return <Navigate to={target} replace />;

  return (
    <Flex
      vertical
      align="center"
      style={{
        minHeight: '100vh',
        padding: '64px 16px',
        background: 'linear-gradient(180deg, #e8f0fb 0%, #f5f7fa 60%)',
      }}
    >
      <Typography.Title level={2} style={{ marginBottom: 32, textAlign: 'center' }} data-testid="login-title">
        {PRODUCT_NAME}
      </Typography.Title>
      <Flex gap={24} wrap justify="center" align="flex-start" style={{ width: '100%', maxWidth: 1080 }}>
        <Card title="用户登录" style={{ width: 380, maxWidth: '100%' }}>
          <SsoErrorAlert />
          <SsoLoginButton next={target} />
          <LoginForm form={form} onSuccess={() => void navigate(target, { replace: true })} />
        </Card>
        <div style={{ flex: '1 1 480px', maxWidth: 640, minWidth: 0 }}>
          <DemoAccountsPanel
            onSelect={(account) => form.setFieldsValue({ username: account.username, password: account.password })}
          />
        </div>
      </Flex>
    </Flex>
  );
}
