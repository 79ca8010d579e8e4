import { Alert, Button, Form, Input, Typography } from 'antd';
import { PASSWORD_POLICY_HINT, passwordProblems } from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { useChangePassword } from '../hooks/use-change-password';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export interface ChangePasswordFormProps {
  username: string;
  /** Label of the current password: a one-time password is called 初始密码. */
  currentLabel?: string;
  submitLabel?: string;
  onSuccess?: () => void;
}

/** Current password, new password (checked against the shared policy as you type) and its confirmation. */
export function ChangePasswordForm({
  username,
  currentLabel = '当前密码',
  submitLabel = '修改密码',
  onSuccess,
}: ChangePasswordFormProps) {
  const [form] = Form.useForm<ChangePasswordValues>();
  const mutation = useChangePassword(() => {
    form.resetFields();
    onSuccess?.();
  });

  return (
    <Form<ChangePasswordValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) =>
        mutation.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword })
      }
      onValuesChange={() => {
        if (mutation.isError) mutation.reset();
      }}
      data-testid="change-password-form"
    >
      {mutation.isError && (
        <Form.Item>
          <Alert
            type="error"
            showIcon
            message={errorMessage(mutation.error, '修改失败，请稍后重试')}
            data-testid="change-password-error"
          />
        </Form.Item>
      )}
      <Form.Item
        label={currentLabel}
        name="currentPassword"
        rules={[{ required: true, message: `请输入${currentLabel}` }]}
      >
        <Input.Password autoComplete="current-password" data-testid="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        extra={<Typography.Text type="secondary">{PASSWORD_POLICY_HINT}</Typography.Text>}
        rules={[
          { required: true, message: '请输入新密码' },
          {
            validator: async (_rule, value: string | undefined) => {
              if (!value) return;
              const problems = passwordProblems(value, { username });
              if (problems.length > 0) throw new Error(problems.join('；'));
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={mutation.isPending}
          data-testid="change-password-submit"
        >
          {submitLabel}
        </Button>
      </Form.Item>
    </Form>
  );
}
