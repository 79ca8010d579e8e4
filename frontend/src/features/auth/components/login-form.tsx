import { Alert, Button, Form, Input } from 'antd';
import type { FormInstance } from 'antd';
import type { LoginRequest } from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { useLogin } from '../hooks/use-login';

export interface LoginFormProps {
  form: FormInstance<LoginRequest>;
  onSuccess: () => void;
}

export function LoginForm({ form, onSuccess }: LoginFormProps) {
  const loginMutation = useLogin(onSuccess);

  return (
    <Form<LoginRequest>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={(values) => loginMutation.mutate({ username: values.username.trim(), password: values.password })}
      onValuesChange={() => {
        if (loginMutation.isError) loginMutation.reset();
      }}
      data-testid="login-form"
    >
      {loginMutation.isError && (
        <Form.Item>
          <Alert
            type="error"
            showIcon
            message={errorMessage(loginMutation.error, '登录失败，请稍后重试')}
            data-testid="login-error"
          />
        </Form.Item>
      )}
      <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
        <Input placeholder="请输入用户名" autoComplete="username" data-testid="login-username" />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password placeholder="请输入密码" autoComplete="current-password" data-testid="login-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={loginMutation.isPending} data-testid="login-submit">
          登录
        </Button>
      </Form.Item>
    </Form>
  );
}
