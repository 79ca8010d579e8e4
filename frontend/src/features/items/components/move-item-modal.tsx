import { App, Form, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { LIST_TABLES, LIST_TABLE_LABELS, itemConflictDetailsSchema, type Item, type ListTable } from '@dutylist/shared';
import { isApiError } from '@/lib/api-client';
import { useMoveItem } from '../hooks/use-item-mutations';

interface MoveFormValues {
  table: ListTable;
  position?: number | null;
}

export interface MoveItemModalProps {
  listId: string;
  item: Item;
  onClose: () => void;
}

/** Moves an item to another of the three tables. Mount it only while open. */
export function MoveItemModal({ listId, item, onClose }: MoveItemModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<MoveFormValues>();
  const moveMutation = useMoveItem(listId);
  const [current, setCurrent] = useState(item);
  const targets = LIST_TABLES.filter((table) => table !== current.table);

  const submit = async (values: MoveFormValues) => {
    try {
      await moveMutation.mutateAsync({
        itemId: current.id,
        body: {
          version: current.version,
          table: values.table,
          ...(values.position ? { position: values.position } : {}),
        },
      });
      message.success(`已移动到${LIST_TABLE_LABELS[values.table]}`);
      onClose();
    } catch (error) {
      if (isApiError(error) && error.code === 'ITEM_VERSION_CONFLICT') {
        const parsed = itemConflictDetailsSchema.safeParse(error.details);
        if (parsed.success) {
          setCurrent(parsed.data.current);
          message.warning('该事项已被他人修改，已载入最新内容，请确认后重试');
          return;
        }
      }
      message.error(isApiError(error) ? error.message : '移动失败，请稍后重试');
      if (isApiError(error) && (error.code === 'ITEM_NOT_FOUND' || error.code === 'LIST_NOT_EDITABLE')) onClose();
    }
  };

  return (
    <Modal
      open
      title="移动事项"
      okText="移动"
      cancelText="取消"
      confirmLoading={moveMutation.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'move-item-submit' }}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Typography.Paragraph>
        将事项「<Typography.Text strong>{current.name}</Typography.Text>」从{LIST_TABLE_LABELS[current.table]}移动到：
      </Typography.Paragraph>
      <Form<MoveFormValues>
        form={form}
        layout="vertical"
        initialValues={{ table: targets[0] }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="table" label="目标清单" rules={[{ required: true, message: '请选择目标清单' }]}>
          <Radio.Group>
            {targets.map((table) => (
              <Radio key={table} value={table} data-testid={`move-target-${table}`}>
                {LIST_TABLE_LABELS[table]}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="position" label="插入位置（序号）" extra="留空则添加到目标清单末尾">
          <InputNumber min={1} precision={0} style={{ width: 200 }} placeholder="如：1" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
