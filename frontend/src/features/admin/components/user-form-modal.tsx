import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import {
  ORG_LEVEL_LABELS,
  ROLE_LABELS,
  USERNAME_HINT,
  USERNAME_PATTERN,
  type AdminOrgUnit,
  type AdminUser,
  type OneTimePasswordResponse,
  type Role,
} from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { useCreateUser, useUpdateUser } from '../hooks/use-admin-mutations';
import { rolesFor } from './org-unit-tree-data';

export type UserFormTarget = { mode: 'create'; orgUnitId?: string } | { mode: 'edit'; user: AdminUser };

interface FormValues {
  username: string;
  displayName: string;
  orgUnitId: string;
  role: Role;
  email?: string;
}

/** 新建账号 / 编辑账号: the role offered fits the chosen unit's level. */
export function UserFormModal({
  target,
  units,
  onClose,
  onCreated,
}: {
  target: UserFormTarget | null;
  units: AdminOrgUnit[];
  onClose: () => void;
  onCreated: (result: OneTimePasswordResponse) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const orgUnitId = Form.useWatch('orgUnitId', form);
  const unit = units.find((u) => u.id === orgUnitId);
  const roles = unit ? rolesFor(unit.level) : [];
  const unitOptions = useMemo(
    () =>
      units
        .filter(
          (u) =>
            rolesFor(u.level).length > 0 &&
            (u.isActive || (target?.mode === 'edit' && target.user.orgUnit.id === u.id)),
        )
        .map((u) => ({ value: u.id, label: `${u.name}（${ORG_LEVEL_LABELS[u.level]}）` })),
    [units, target],
  );

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      form.setFieldsValue({
        username: target.user.username,
        displayName: target.user.displayName,
        orgUnitId: target.user.orgUnit.id,
        role: target.user.role,
        email: target.user.email ?? undefined,
      });
    } else if (target.orgUnitId) {
      const preset = units.find((u) => u.id === target.orgUnitId);
      form.setFieldsValue({ orgUnitId: target.orgUnitId, role: preset ? rolesFor(preset.level)[0] : undefined });
    }
  }, [target]);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      if (target?.mode === 'create') {
        const result = await create.mutateAsync({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          orgUnitId: values.orgUnitId,
          role: values.role,
          email: values.email?.trim() || null,
        });
        onClose();
        onCreated(result);
      } else if (target?.mode === 'edit') {
        const u = target.user;
        await update.mutateAsync({
          id: u.id,
          request: {
            displayName: values.displayName.trim(),
            email: values.email?.trim() || null,
            ...(values.role !== u.role ? { role: values.role } : {}),
            ...(values.orgUnitId !== u.orgUnit.id ? { orgUnitId: values.orgUnitId } : {}),
          },
        });
        void message.success('已保存');
        onClose();
      }
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      open={target !== null}
      title={target?.mode === 'edit' ? `编辑账号“${target.user.username}”` : '新建账号'}
      okText={target?.mode === 'edit' ? '保存' : '新建并生成初始密码'}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'user-submit' }}
      destroyOnHidden
      data-testid="user-form-modal"
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="orgUnitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={unitOptions}
            placeholder="请选择"
            onChange={(id: string) => {
              const next = units.find((u) => u.id === id);
              const allowed = next ? rolesFor(next.level) : [];
              if (!allowed.includes(form.getFieldValue('role') as Role)) form.setFieldValue('role', allowed[0]);
            }}
            data-testid="user-org-unit"
          />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            placeholder={unit ? '请选择' : '请先选择所属单位'}
            data-testid="user-role"
          />
        </Form.Item>
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, message: '请填写用户名' },
            { pattern: USERNAME_PATTERN, message: USERNAME_HINT },
          ]}
          extra={target?.mode === 'edit' ? '用户名不能修改' : USERNAME_HINT}
        >
          <Input
            disabled={target?.mode === 'edit'}
            autoComplete="off"
            placeholder="例如 biliuhe-zhang"
            data-testid="user-username"
          />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 100 }]}
        >
          <Input autoComplete="off" data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="email" label="邮箱" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
          <Input autoComplete="off" placeholder="用于接收通知（可不填）" data-testid="user-email" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
