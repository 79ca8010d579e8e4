import { App, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { ORG_LEVEL_LABELS, type AdminOrgUnit, type OrgLevel } from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { useCreateOrgUnit, useUpdateOrgUnit } from '../hooks/use-admin-mutations';
import { childLevelsOf, rolesFor } from './org-unit-tree-data';

export type OrgUnitFormTarget =
  { mode: 'create'; parent: AdminOrgUnit; level?: OrgLevel } | { mode: 'edit'; unit: AdminOrgUnit };

interface FormValues {
  level: OrgLevel;
  name: string;
  shortName?: string;
  aliases: string[];
  thenCreateAccount: boolean;
}

const NAME_EXAMPLES: Partial<Record<OrgLevel, { name: string; short: string; alias?: string }>> = {
  prefecture: { name: '昌吉回族自治州', short: '昌吉州' },
  county: { name: '奇台县', short: '奇台' },
  township: { name: '碧流河镇', short: '碧流河' },
  department: { name: '奇台县民政局', short: '县民政局', alias: '民政局' },
};

/** 新建下级单位 / 编辑单位: full name, short name and aliases (the names documents use). */
export function OrgUnitFormModal({
  target,
  onClose,
  onCreated,
}: {
  target: OrgUnitFormTarget | null;
  onClose: () => void;
  /** After a create; `thenCreateAccount` when the admin asked to go on with an account for it. */
  onCreated?: (unit: AdminOrgUnit, thenCreateAccount: boolean) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const levels = target?.mode === 'create' ? childLevelsOf(target.parent.level) : [];
  const level = Form.useWatch('level', form) ?? (target?.mode === 'edit' ? target.unit.level : levels[0]);
  const example = level ? NAME_EXAMPLES[level] : undefined;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      form.setFieldsValue({
        level: target.unit.level,
        name: target.unit.name,
        shortName: target.unit.shortName ?? undefined,
        aliases: target.unit.aliases,
      });
    } else {
      const initial = target.level ?? levels[0];
      form.setFieldsValue({ level: initial, aliases: [], thenCreateAccount: rolesFor(initial).length > 0 });
    }
  }, [target]);

  const submit = async () => {
    const values = await form.validateFields();
    const names = { name: values.name, shortName: values.shortName?.trim() || null, aliases: values.aliases ?? [] };
    try {
      if (target?.mode === 'create') {
        const unit = await create.mutateAsync({ parentId: target.parent.id, level: values.level, ...names });
        void message.success(`已新建${ORG_LEVEL_LABELS[unit.level]}“${unit.name}”`);
        onCreated?.(unit, Boolean(values.thenCreateAccount) && rolesFor(unit.level).length > 0);
      } else if (target?.mode === 'edit') {
        await update.mutateAsync({ id: target.unit.id, request: names });
        void message.success('已保存');
      }
      onClose();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const title =
    target?.mode === 'create' ? `在“${target.parent.name}”下新建单位` : target ? `编辑“${target.unit.name}”` : '';
  return (
    <Modal
      open={target !== null}
      title={title}
      okText={target?.mode === 'create' ? '新建' : '保存'}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'org-unit-submit' }}
      destroyOnHidden
      data-testid="org-unit-form-modal"
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={() => void submit()}>
        {target?.mode === 'create' && (
          <Form.Item name="level" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
            <Radio.Group
              optionType="button"
              options={levels.map((l) => ({ value: l, label: ORG_LEVEL_LABELS[l] }))}
              onChange={(e) => form.setFieldValue('thenCreateAccount', rolesFor(e.target.value as OrgLevel).length > 0)}
              data-testid="org-unit-level"
            />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label="单位全称"
          rules={[{ required: true, whitespace: true, message: '请填写单位全称' }, { max: 100 }]}
          extra={example ? `例如：${example.name}` : undefined}
        >
          <Input autoFocus placeholder="单位全称" data-testid="org-unit-name" />
        </Form.Item>
        <Form.Item
          name="shortName"
          label="简称"
          rules={[{ max: 50 }]}
          extra={example ? `例如：${example.short}` : undefined}
        >
          <Input placeholder="文件中使用的简称（可不填）" allowClear data-testid="org-unit-short-name" />
        </Form.Item>
        <Form.Item
          name="aliases"
          label="别名"
          extra={
            level === 'department'
              ? '文件中“对应上级部门”可能使用的其他名称，输入后按回车添加'
              : '其他常用名称，输入后按回车添加（可不填）'
          }
        >
          <Select
            mode="tags"
            open={false}
            placeholder={example?.alias ? `例如：${example.alias}` : '可不填'}
            data-testid="org-unit-aliases"
          />
        </Form.Item>
        {target?.mode === 'create' && rolesFor(level ?? 'department').length > 0 && (
          <Form.Item name="thenCreateAccount" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox data-testid="org-unit-then-account">新建后接着为该单位新建账号</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
