import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { openItemsDetailsSchema, type OpenItemsDetails } from '@dutylist/shared';
import { errorMessage, isApiError } from '@/lib/api-client';
import { useApproveList, usePublishList, useReturnRound, useSignOff } from '../hooks/use-round-actions';
import { OpenItemsAlert } from './open-items-alert';

export type RoundAction = 'returnRound' | 'approve' | 'signOff' | 'publish';

interface ActionCopy {
  title: string;
  okText: string;
  description: string;
  reasonLabel: string | null;
  success: string;
}

function copyOf(action: RoundAction, round: number): ActionCopy {
  switch (action) {
    case 'returnRound':
      return {
        title: `退回本轮（第${round}下）`,
        okText: '退回乡镇',
        description: '本轮的退回和修改建议将一并发回乡镇修改，乡镇修改后再次报送。',
        reasonLabel: '退回说明（没有退回或建议修改的事项时必填）',
        success: '已退回乡镇修改',
      };
    case 'approve':
      return {
        title: '审定通过',
        okText: '审定通过',
        description: '所有事项均已通过县级审核后，清单报送州/地区审核。',
        reasonLabel: '审定意见（可选）',
        success: '清单已审定通过',
      };
    case 'signOff':
      return {
        title: '签署同意',
        okText: '签署同意',
        description: '签署后清单进入下一级审核或等待发布。',
        reasonLabel: '签署意见（可选）',
        success: '已签署同意',
      };
    case 'publish':
      return {
        title: '发布清单',
        okText: '发布',
        description: '发布后清单定稿，各级只能查看；以后的修订将以发布的版本为起点。',
        reasonLabel: null,
        success: '清单已发布',
      };
  }
}

export interface RoundActionModalProps {
  listId: string;
  action: RoundAction;
  round: number;
  onClose: () => void;
  /** Shows an item the API named as still open. */
  onLocate?: (itemId: string) => void;
}

interface ShownError {
  message: string;
  openItems?: OpenItemsDetails['items'];
}

/** The confirmation of a list-level step, with its reason or opinion; shows the API's refusal in place. */
export function RoundActionModal({ listId, action, round, onClose, onLocate }: RoundActionModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string; extraRoundReason?: string }>();
  const [needsExtraReason, setNeedsExtraReason] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const returnRound = useReturnRound(listId);
  const approve = useApproveList(listId);
  const signOff = useSignOff(listId);
  const publish = usePublishList(listId);
  const pending = returnRound.isPending || approve.isPending || signOff.isPending || publish.isPending;
  const copy = copyOf(action, round);

  const run = (reason: string | undefined, extraRoundReason: string | undefined) => {
    switch (action) {
      case 'returnRound':
        return returnRound.mutateAsync({
          ...(reason ? { reason } : {}),
          ...(extraRoundReason ? { extraRoundReason } : {}),
        });
      case 'approve':
        return approve.mutateAsync(reason ? { opinion: reason } : {});
      case 'signOff':
        return signOff.mutateAsync(reason ? { opinion: reason } : {});
      case 'publish':
        return publish.mutateAsync();
    }
  };

  const submit = async (values: { reason?: string; extraRoundReason?: string }) => {
    setError(null);
    try {
      await run(values.reason?.trim() || undefined, values.extraRoundReason?.trim() || undefined);
      message.success(copy.success);
      onClose();
    } catch (caught) {
      if (isApiError(caught) && caught.code === 'EXTRA_ROUND_REASON_REQUIRED') {
        setNeedsExtraReason(true);
        setError({ message: caught.message });
        return;
      }
      if (isApiError(caught) && caught.code === 'OPEN_ITEMS') {
        const parsed = openItemsDetailsSchema.safeParse(caught.details);
        setError({ message: caught.message, openItems: parsed.success ? parsed.data.items : [] });
        return;
      }
      setError({ message: errorMessage(caught) });
      message.error(errorMessage(caught));
    }
  };

  return (
    <Modal
      open
      title={copy.title}
      okText={copy.okText}
      cancelText="取消"
      okButtonProps={{ danger: action === 'returnRound', 'data-testid': 'round-confirm' }}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      width={600}
      data-testid="round-action-modal"
    >
      <Typography.Paragraph type="secondary">{copy.description}</Typography.Paragraph>
      {error &&
        (error.openItems ? (
          <OpenItemsAlert
            message={error.message}
            items={error.openItems}
            onLocate={
              onLocate &&
              ((itemId) => {
                onClose();
                onLocate(itemId);
              })
            }
          />
        ) : (
          <Alert type="error" showIcon message={error.message} data-testid="round-error" />
        ))}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        disabled={pending}
        style={{ marginTop: 12 }}
      >
        {copy.reasonLabel && (
          <Form.Item label={copy.reasonLabel} name="reason" rules={[{ max: 5000, message: '不能超过 5000 个字' }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="round-reason" />
          </Form.Item>
        )}
        {needsExtraReason && (
          <Form.Item
            label="增加轮次理由"
            name="extraRoundReason"
            rules={[
              { required: true, whitespace: true, message: '请填写增加轮次的理由' },
              { max: 5000, message: '不能超过 5000 个字' },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="round-extra-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
