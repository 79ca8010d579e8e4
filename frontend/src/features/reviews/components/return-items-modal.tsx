import { Alert, App, Button, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { LIST_TABLE_SHORT_LABELS, REVIEW_LEVEL_LABELS, type ReviewItem, type ReviewLevel } from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { useReturnItems } from '../hooks/use-round-actions';
import { decisionOf } from './review-item-filters';

export interface ReturnItemsModalProps {
  listId: string;
  /** The items chosen in the table. */
  items: readonly ReviewItem[];
  level: ReviewLevel;
  onClose: () => void;
  /** Called after the items went back to the county. */
  onDone?: () => void;
}

/** The prefecture or region sends chosen items back to the county, each with its own reason. */
export function ReturnItemsModal({ listId, items, level, onClose, onDone }: ReturnItemsModalProps) {
  const { message } = App.useApp();
  const mutation = useReturnItems(listId);
  const [chosen, setChosen] = useState<ReviewItem[]>(() => [...items]);
  // Each reason starts from this level's own return or suggestion on the item, if any.
  const [reasons, setReasons] = useState<Record<string, string>>(() =>
    Object.fromEntries(items.map((item) => [item.item.id, decisionOf(item, level)?.reason ?? ''])),
  );
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    if (chosen.length === 0) {
      setError('请先在表格中勾选要退回的事项');
      return;
    }
    const missing = chosen.filter((item) => !(reasons[item.item.id] ?? '').trim());
    if (missing.length) {
      setError(`请为每个退回的事项填写理由（还有 ${missing.length} 项未填写）`);
      return;
    }
    try {
      await mutation.mutateAsync({
        items: chosen.map((item) => ({ itemId: item.item.id, reason: reasons[item.item.id].trim() })),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      message.success(`已将 ${chosen.length} 个事项退回县委编办`);
      onDone?.();
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
      message.error(errorMessage(caught));
    }
  };

  return (
    <Modal
      open
      title={`退回事项（${REVIEW_LEVEL_LABELS[level]} → 县委编办）`}
      okText={`退回 ${chosen.length} 项`}
      cancelText="取消"
      okButtonProps={{ danger: true, 'data-testid': 'round-confirm', disabled: chosen.length === 0 }}
      confirmLoading={mutation.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      width={720}
      data-testid="return-items-modal"
    >
      <Typography.Paragraph type="secondary">
        所选事项退回县委编办重新审核，县级可再退回乡镇修改；县级审定后清单直接回到{REVIEW_LEVEL_LABELS[level]}。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="round-error" />}
      {chosen.length === 0 && (
        <Alert type="info" showIcon message="请先关闭本窗口，在表格中勾选要退回的事项" style={{ marginBottom: 12 }} />
      )}
      <div style={{ maxHeight: 420, overflowY: 'auto', marginBottom: 12 }}>
        {chosen.map((item) => (
          <Flex key={item.item.id} vertical gap={4} style={{ marginBottom: 12 }} data-testid="return-item">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong ellipsis style={{ maxWidth: 560 }}>
                {`${LIST_TABLE_SHORT_LABELS[item.item.table]} 第${item.item.seq}项 ${item.item.name}`}
              </Typography.Text>
              <Button
                size="small"
                type="link"
                onClick={() => setChosen((previous) => previous.filter((other) => other.item.id !== item.item.id))}
              >
                移除
              </Button>
            </Flex>
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              placeholder="退回理由（必填）"
              value={reasons[item.item.id] ?? ''}
              onChange={(event) => setReasons((previous) => ({ ...previous, [item.item.id]: event.target.value }))}
              data-testid="return-item-reason"
            />
          </Flex>
        ))}
      </div>
      <Input.TextArea
        autoSize={{ minRows: 2, maxRows: 6 }}
        placeholder="总体说明（可选）"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        data-testid="round-reason"
      />
    </Modal>
  );
}
