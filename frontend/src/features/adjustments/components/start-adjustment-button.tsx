import { Alert, App, Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ListDetail } from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { useStartAdjustment } from '../hooks/use-start-adjustment';

/** 发起动态调整, shown only when the API's `can.startAdjustment` says so: asks the reason, then reopens the list. */
export function StartAdjustmentButton({ list }: { list: ListDetail }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const mutation = useStartAdjustment(list.id);
  if (!list.can.startAdjustment) return null;

  const close = () => {
    setOpen(false);
    setReason('');
    mutation.reset();
  };
  const submit = async () => {
    await mutation.mutateAsync({ reason: reason.trim() });
    void message.success('已发起动态调整：清单回到起草阶段，发布前原发布版本继续有效');
    close();
  };

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="adjustment-start">
        发起动态调整
      </Button>
      <Modal
        open={open}
        title="发起动态调整"
        okText="发起调整"
        cancelText="取消"
        okButtonProps={{ disabled: reason.trim() === '', id: 'adjustment-confirm' }}
        confirmLoading={mutation.isPending}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={close}
        destroyOnHidden
      >
        <Typography.Paragraph>
          调整稿从当前生效的
          {list.inForce ? `第${list.inForce.number}版（${list.inForce.label}）` : '发布版本'}
          开始，重新经过县、州/地区、自治区逐级审核；调整稿发布之前，原发布版本继续有效。
        </Typography.Paragraph>
        <Input.TextArea
          rows={4}
          maxLength={5000}
          showCount
          placeholder="请填写调整理由，例如：乡镇机构改革后部分事项需调整"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="adjustment-reason"
        />
        {mutation.error && (
          <Alert style={{ marginTop: 12 }} type="error" showIcon message={errorMessage(mutation.error)} />
        )}
      </Modal>
    </>
  );
}
