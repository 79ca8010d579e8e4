import { Form, Input, Modal, Typography } from 'antd';

export interface FeedbackTextModalProps {
  title: string;
  /** What the text is, for the label and the required-field message (e.g. 说明, 不采纳的理由). */
  label: string;
  hint?: string;
  initialText?: string;
  pending?: boolean;
  onSubmit: (text: string) => void;
  onClose: () => void;
}

/** A required text for an opinion: the 说明 of a returned item or the reason for not accepting a suggestion. */
export function FeedbackTextModal({
  title,
  label,
  hint,
  initialText,
  pending,
  onSubmit,
  onClose,
}: FeedbackTextModalProps) {
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal
      open
      title={title}
      okText="确定"
      cancelText="取消"
      confirmLoading={pending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'feedback-confirm' }}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      data-testid="feedback-text-modal"
    >
      {hint && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {hint}
        </Typography.Paragraph>
      )}
      <Form<{ text: string }>
        form={form}
        layout="vertical"
        initialValues={{ text: initialText ?? '' }}
        onFinish={(values) => onSubmit(values.text.trim())}
        disabled={pending}
      >
        <Form.Item
          label={label}
          name="text"
          rules={[
            { required: true, whitespace: true, message: `请填写${label}` },
            { max: 5000, message: `${label}不能超过 5000 个字` },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} autoFocus data-testid="feedback-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
