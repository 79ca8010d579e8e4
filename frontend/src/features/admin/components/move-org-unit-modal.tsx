import { Alert, App, Form, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { ORG_LEVEL_LABELS, PARENT_LEVEL, type AdminOrgUnit } from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { useUpdateOrgUnit } from '../hooks/use-admin-mutations';

/** 调整隶属: another parent of the right level within the admin's subtree (the API checks the rest). */
export function MoveOrgUnitModal({
  unit,
  units,
  onClose,
}: {
  unit: AdminOrgUnit | null;
  units: AdminOrgUnit[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const update = useUpdateOrgUnit();
  const [parentId, setParentId] = useState<string | undefined>(undefined);
  const parentLevel = unit ? PARENT_LEVEL[unit.level] : null;
  const options = useMemo(
    () =>
      units
        .filter((u) => u.level === parentLevel && u.id !== unit?.parentId)
        .map((u) => ({ value: u.id, label: u.isActive ? u.name : `${u.name}（已停用）`, disabled: !u.isActive })),
    [units, parentLevel, unit],
  );
  const current = units.find((u) => u.id === unit?.parentId);

  const submit = async () => {
    if (!unit || !parentId) return;
    try {
      await update.mutateAsync({ id: unit.id, request: { parentId } });
      void message.success(`已将“${unit.name}”移到“${units.find((u) => u.id === parentId)?.name ?? ''}”之下`);
      setParentId(undefined);
      onClose();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      open={unit !== null}
      title={unit ? `调整“${unit.name}”的上级单位` : ''}
      okText="移动"
      cancelText="取消"
      okButtonProps={{ disabled: !parentId }}
      onOk={() => void submit()}
      onCancel={() => {
        setParentId(undefined);
        onClose();
      }}
      confirmLoading={update.isPending}
      destroyOnHidden
      data-testid="move-org-unit-modal"
    >
      <Form layout="vertical">
        <Form.Item label="当前上级">{current?.name ?? '—'}</Form.Item>
        <Form.Item label={`新的上级（${parentLevel ? ORG_LEVEL_LABELS[parentLevel] : ''}）`} required>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="请选择"
            options={options}
            value={parentId}
            onChange={setParentId}
            notFoundContent="您的管理范围内没有其他可选的上级单位"
            data-testid="move-org-unit-parent"
          />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon message="其下所有单位和账号随之移动；清单正在审核流程中的单位不能移动。" />
    </Modal>
  );
}
