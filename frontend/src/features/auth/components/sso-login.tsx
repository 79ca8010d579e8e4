import { Alert, Button, Divider } from 'antd';
import { ssoErrorMessage } from '@dutylist/shared';
import { useSearchParams } from 'react-router';
import { ssoLoginUrl } from '../api/sso';
import { useSsoConfig } from '../hooks/use-sso';

/**
 * Why the last single sign-on failed (`/login?sso_error=<reason>`): a fixed Chinese message per reason,
 * never text from the URL, except the user name the identity service gave.
 */
export function SsoErrorAlert() {
  const [params, setParams] = useSearchParams();
  const reason = params.get('sso_error');
  if (!reason) return null;
  const user = params.get('sso_user');
  return (
    <Alert
      type="error"
      showIcon
      closable
      style={{ marginBottom: 24 }}
      message={ssoErrorMessage(reason)}
      description={user ? `统一身份认证用户名：${user}` : undefined}
      onClose={() => setParams({}, { replace: true })}
      data-testid="sso-error"
    />
  );
}

export interface SsoLoginButtonProps {
  /** The page to open after login. */
  next: string;
}

/** The single sign-on button (only when the server has it on), above the password form. */
export function SsoLoginButton({ next }: SsoLoginButtonProps) {
  const { data } = useSsoConfig();
  if (!data?.enabled) return null;
  return (
    <>
      <Button color="primary" variant="outlined" size="large" block href={ssoLoginUrl(next)} data-testid="sso-login">
        {data.label}
      </Button>
      <Divider plain style={{ margin: '20px 0', color: 'rgba(0,0,0,0.45)', fontSize: 13 }}>
        或使用本系统账号密码登录
      </Divider>
    </>
  );
}
