import { Button, Flex, Result, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSsoExchange } from '@/features/auth/hooks/use-sso';
import { errorMessage } from '@/lib/api-client';

/**
 * `/login/sso?code=…`: where the server sends the browser after a single sign-on. Redeems the one-time
 * code for the session and opens the page the user started from; the code leaves the address bar at once.
 */
export function SsoCallbackPage() {
  const [params] = useSearchParams();
  const code = params.get('code');
  const navigate = useNavigate();
  const exchange = useSsoExchange();
  // Once per code: StrictMode runs effects twice, and a code works only once.
  const started = useRef(false);

  useEffect(() => {
    if (!code || started.current) return;
    started.current = true;
    exchange.mutate(code, { onSuccess: (response) => void navigate(response.next, { replace: true }) });
  }, [code, exchange, navigate]);

  if (!code || exchange.isError) {
    return (
      <Result
        status="error"
        title="统一身份认证登录未完成"
        subTitle={
          code
            ? errorMessage(exchange.error, '登录失败，请稍后重试')
            : '缺少登录凭据，请从登录页重新点击统一身份认证登录'
        }
        extra={
          <Link to="/login" replace>
            <Button type="primary">返回登录页</Button>
          </Link>
        }
        data-testid="sso-callback-error"
      />
    );
  }
  return (
    <Flex vertical align="center" justify="center" gap={16} style={{ minHeight: '60vh' }}>
      <Spin size="large" />
      <span>正在完成统一身份认证登录…</span>
    </Flex>
  );
}
