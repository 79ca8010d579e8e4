import { Alert, App, Button, Descriptions, Modal, Space, Typography } from 'antd';
import { ROLE_LABELS, type OneTimePasswordResponse } from '@dutylist/shared';

/**
 * The one-time password of a new account or a reset, shown this once: it is never stored in clear and
 * cannot be shown again (a new reset makes a new one).
 */
export function OneTimePasswordModal({
  result,
  reason,
  onClose,
}: {
  result: OneTimePasswordResponse | null;
  reason: 'created' | 'reset';
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const copy = async () => {
    if (!result) return;
    const text = `用户名：${result.user.username}\n初始密码：${result.oneTimePassword}`;
    try {
      await navigator.clipboard.writeText(text);
      void message.success('已复制用户名和初始密码');
    } catch {
      void message.warning('无法访问剪贴板，请手动选中复制');
    }
  };
  return (
    <Modal
      open={result !== null}
      title={reason === 'created' ? '账号已创建' : '密码已重置'}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Space>
          <Button onClick={() => void copy()} data-testid="otp-copy">
            复制用户名和密码
          </Button>
          <Button type="primary" onClick={onClose} data-testid="otp-done">
            我已记下，关闭
          </Button>
        </Space>
      }
      data-testid="otp-modal"
    >
      {result && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message="初始密码只显示这一次"
            description="关闭后无法再次查看。请当面或通过安全渠道交给本人；首次登录时必须修改密码。忘记时只能重新重置。"
          />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="姓名">{result.user.displayName}</Descriptions.Item>
            <Descriptions.Item label="单位与角色">
              {result.user.orgUnit.name} · {ROLE_LABELS[result.user.role]}
            </Descriptions.Item>
            <Descriptions.Item label="用户名">
              <Typography.Text code data-testid="otp-username">
                {result.user.username}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="初始密码">
              <Typography.Text code copyable style={{ fontSize: 18 }} data-testid="otp-password">
                {result.oneTimePassword}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Modal>
  );
}
