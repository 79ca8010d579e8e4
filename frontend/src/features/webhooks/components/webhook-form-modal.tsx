import { App, Checkbox, Form, Input, Modal, Radio, Switch, Typography } from 'antd';
import {
  WEBHOOK_PROVIDER_LABELS,
  putWebhookRequestSchema,
  type OrgUnit,
  type PutWebhookRequest,
  type WebhookProvider,
  type WebhookSetting,
} from '@dutylist/shared';
import { isApiError } from '@/lib/api-client';
import { useSaveWebhook } from '../hooks/use-webhooks';

/** Fields not on screen (the secret of a WeCom robot) are absent from the submitted values. */
interface FormValues {
  provider: WebhookProvider;
  url?: string;
  secret?: string;
  clearSecret?: boolean;
  enabled: boolean;
}

const URL_EXAMPLES: Record<WebhookProvider, string> = {
  wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
  dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=…',
};

const urlRule = putWebhookRequestSchema.shape.url.unwrap();

export interface WebhookFormModalProps {
  orgUnit: OrgUnit;
  /** The robot already set for the unit, if any. */
  current: WebhookSetting | null;
  onClose: () => void;
}

/**
 * Sets or edits the group robot of one org unit. The stored URL and secret are never shown: leaving the
 * field empty keeps them. Mount it only while open.
 */
export function WebhookFormModal({ orgUnit, current, onClose }: WebhookFormModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveWebhook();
  const provider = Form.useWatch('provider', form) ?? current?.provider ?? 'wecom';
  const clearSecret = Form.useWatch('clearSecret', form) ?? false;

  const submit = async (values: FormValues) => {
    const url = (values.url ?? '').trim();
    const secret = (values.secret ?? '').trim();
    const body: PutWebhookRequest = { provider: values.provider, enabled: values.enabled };
    if (url) body.url = url;
    if (values.provider === 'dingtalk' && secret) body.secret = secret;
    else if (current?.hasSecret && (values.provider === 'wecom' || values.clearSecret)) body.secret = '';
    try {
      await save.mutateAsync({ orgUnitId: orgUnit.id, body });
      message.success(current ? '已保存群机器人设置' : '已添加群机器人');
      onClose();
    } catch (error) {
      if (isApiError(error) && (error.code === 'WEBHOOK_URL_UNSAFE' || error.code === 'VALIDATION_FAILED')) {
        form.setFields([{ name: 'url', errors: [error.message] }]);
        return;
      }
      message.error(isApiError(error) ? error.message : '保存失败，请稍后重试');
      if (isApiError(error) && error.status === 404) onClose();
    }
  };

  return (
    <Modal
      open
      title={`${current ? '编辑' : '添加'}群机器人 · ${orgUnit.name}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'webhook-form-submit' }}
      onCancel={onClose}
      maskClosable={false}
      width={600}
      destroyOnHidden
      data-testid="webhook-form-modal"
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{
          provider: current?.provider ?? 'wecom',
          url: '',
          secret: '',
          clearSecret: false,
          enabled: current?.enabled ?? true,
        }}
        requiredMark={current ? false : undefined}
      >
        <Form.Item name="provider" label="机器人类型" rules={[{ required: true, message: '请选择机器人类型' }]}>
          <Radio.Group
            optionType="button"
            options={(Object.keys(WEBHOOK_PROVIDER_LABELS) as WebhookProvider[]).map((value) => ({
              value,
              label: WEBHOOK_PROVIDER_LABELS[value],
            }))}
            data-testid="webhook-provider"
          />
        </Form.Item>
        <Form.Item
          name="url"
          label="Webhook 地址"
          extra={
            current
              ? `当前：${current.url}（留空则保留原地址）`
              : `在群设置 → 群机器人中添加机器人后复制，例如 ${URL_EXAMPLES[provider]}`
          }
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                const text = (value ?? '').trim();
                if (!text) {
                  if (current) return;
                  throw new Error('请填写 Webhook 地址');
                }
                const parsed = urlRule.safeParse(text);
                if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '请填写有效的 Webhook 地址');
              },
            },
          ]}
        >
          <Input
            placeholder={current ? '留空则保留原地址' : URL_EXAMPLES[provider]}
            autoComplete="off"
            data-testid="webhook-url"
          />
        </Form.Item>
        {provider === 'dingtalk' && (
          <>
            <Form.Item
              name="secret"
              label="加签密钥（可选）"
              extra="钉钉机器人安全设置选择“加签”时填写，以 SEC 开头"
              rules={[{ max: 200, message: '密钥过长' }]}
            >
              <Input.Password
                placeholder={current?.hasSecret ? '已设置，留空则保留' : 'SEC…'}
                autoComplete="new-password"
                disabled={clearSecret}
                data-testid="webhook-secret"
              />
            </Form.Item>
            {current?.hasSecret && (
              <Form.Item name="clearSecret" valuePropName="checked" style={{ marginTop: -12 }}>
                <Checkbox data-testid="webhook-clear-secret">清除已设置的加签密钥</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch checkedChildren="启用" unCheckedChildren="停用" data-testid="webhook-enabled" />
        </Form.Item>
        <Typography.Text type="secondary">
          清单流转到本单位或逾期时，机器人会在群里发送提醒。保存后可点“发送测试消息”检查配置。
        </Typography.Text>
      </Form>
    </Modal>
  );
}
