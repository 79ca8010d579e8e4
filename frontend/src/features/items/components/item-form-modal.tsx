import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { CATEGORIES, LIST_TABLE_LABELS, itemConflictDetailsSchema, type Item, type ListTable } from '@dutylist/shared';
import { isApiError } from '@/lib/api-client';
import { useCreateItem, useUpdateItem } from '../hooks/use-item-mutations';
import { toFormValues, toItemFields, type ItemFormValues } from './item-fields';

export const CONFLICT_RELOADED_MESSAGE = '该事项已被他人修改，已载入最新内容';

const categoryOptions = CATEGORIES.map((category) => ({ value: category, label: category }));

export type ItemFormTarget = { mode: 'create'; table: ListTable } | { mode: 'edit'; item: Item };

export interface ItemFormModalProps {
  listId: string;
  target: ItemFormTarget;
  onClose: () => void;
}

/** Create or edit an item. Mount it only while open: it starts from the item it is given. */
export function ItemFormModal({ listId, target, onClose }: ItemFormModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemFormValues>();
  const createMutation = useCreateItem(listId);
  const updateMutation = useUpdateItem(listId);
  // The version we edit against, and the item's table; both follow the server after a conflict.
  const [version, setVersion] = useState(target.mode === 'edit' ? target.item.version : 0);
  const [table, setTable] = useState<ListTable>(target.mode === 'edit' ? target.item.table : target.table);
  const isEdit = target.mode === 'edit';
  const pending = createMutation.isPending || updateMutation.isPending;

  const submit = async (values: ItemFormValues) => {
    try {
      if (target.mode === 'create') {
        await createMutation.mutateAsync({
          table,
          ...toItemFields(table, values),
          ...(values.position ? { position: values.position } : {}),
        });
        message.success('已新增事项');
      } else {
        await updateMutation.mutateAsync({
          itemId: target.item.id,
          body: { version, ...toItemFields(table, values) },
        });
        message.success('已保存修改');
      }
      onClose();
    } catch (error) {
      if (isApiError(error) && error.code === 'ITEM_VERSION_CONFLICT') {
        const parsed = itemConflictDetailsSchema.safeParse(error.details);
        if (parsed.success) {
          const current = parsed.data.current;
          setVersion(current.version);
          setTable(current.table);
          form.resetFields();
          form.setFieldsValue(toFormValues(current));
          message.warning(CONFLICT_RELOADED_MESSAGE);
          return;
        }
      }
      message.error(isApiError(error) ? error.message : '保存失败，请稍后重试');
      if (isApiError(error) && (error.code === 'ITEM_NOT_FOUND' || error.code === 'LIST_NOT_EDITABLE')) onClose();
    }
  };

  return (
    <Modal
      open
      title={isEdit ? `编辑事项（${LIST_TABLE_LABELS[table]}）` : `新增事项（${LIST_TABLE_LABELS[table]}）`}
      okText={isEdit ? '保存' : '新增'}
      cancelText="取消"
      confirmLoading={pending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'item-form-submit' }}
      onCancel={onClose}
      maskClosable={false}
      width={720}
      destroyOnHidden
      data-testid="item-form-modal"
    >
      <Form<ItemFormValues>
        form={form}
        layout="vertical"
        initialValues={target.mode === 'edit' ? toFormValues(target.item) : { category: null, name: '' }}
        onFinish={(values) => void submit(values)}
        disabled={pending}
      >
        <Form.Item label="事项类别" name="category">
          <Select
            allowClear
            showSearch
            placeholder="请选择事项类别（可不选）"
            options={categoryOptions}
            data-testid="item-category"
          />
        </Form.Item>
        <Form.Item
          label="事项名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入事项名称' },
            { max: 2000, message: '事项名称不能超过 2000 个字' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder="请输入事项名称" data-testid="item-name" />
        </Form.Item>
        {table === 'cooperative' && (
          <>
            <Form.Item
              label="对应上级部门"
              name="departments"
              extra="输入部门名称后按回车，或用顿号、逗号分隔"
              rules={[{ type: 'array', max: 50, message: '对应上级部门不能超过 50 个' }]}
            >
              <Select
                mode="tags"
                tokenSeparators={['、', ',', '，']}
                open={false}
                suffixIcon={null}
                placeholder="如：县民政局、县财政局"
                data-testid="item-departments"
              />
            </Form.Item>
            <Form.Item label="上级部门职责" name="upperDuties" rules={[{ max: 20000, message: '不能超过 20000 个字' }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
            </Form.Item>
            <Form.Item
              label="乡镇配合职责"
              name="townshipDuties"
              rules={[{ max: 20000, message: '不能超过 20000 个字' }]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
            </Form.Item>
          </>
        )}
        {table === 'revoked' && (
          <Form.Item
            label="承接部门及工作方式"
            name="undertaker"
            rules={[{ max: 5000, message: '不能超过 5000 个字' }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
        )}
        {!isEdit && (
          <Form.Item label="插入位置（序号）" name="position" extra="留空则添加到本表末尾">
            <InputNumber min={1} precision={0} style={{ width: 200 }} placeholder="如：1" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
