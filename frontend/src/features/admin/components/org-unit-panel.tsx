import { App, Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ORG_LEVEL_LABELS, type AdminOrgUnit, type OneTimePasswordResponse, type AdminUser } from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useUpdateOrgUnit } from '../hooks/use-admin-mutations';
import { useAdminUsers } from '../hooks/use-admin-queries';
import { childLevelsOf, rolesFor } from './org-unit-tree-data';
import { UsersTable } from './users-table';

/** The selected unit: its names, state and accounts, and what the admin can do with it. */
export function OrgUnitPanel({
  unit,
  parent,
  isOwnUnit,
  currentUserId,
  canManageAccounts,
  onCreateChild,
  onEdit,
  onMove,
  onCreateAccount,
  onEditAccount,
  onPasswordReset,
}: {
  unit: AdminOrgUnit;
  parent: AdminOrgUnit | undefined;
  /** The admin's own unit: it cannot be moved or disabled from here. */
  isOwnUnit: boolean;
  currentUserId: string | undefined;
  canManageAccounts: boolean;
  onCreateChild: (level?: AdminOrgUnit['level']) => void;
  onEdit: () => void;
  onMove: () => void;
  onCreateAccount: () => void;
  onEditAccount: (user: AdminUser) => void;
  onPasswordReset: (result: OneTimePasswordResponse) => void;
}) {
  const { message, modal } = App.useApp();
  const update = useUpdateOrgUnit();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const hasAccounts = rolesFor(unit.level).length > 0;
  const accounts = useAdminUsers(
    { orgUnitId: unit.id, page: page.page, pageSize: page.pageSize },
    { enabled: canManageAccounts && (hasAccounts || unit.userCount > 0) },
  );
  const childLevels = childLevelsOf(unit.level);

  const toggle = () =>
    modal.confirm({
      title: unit.isActive ? `停用“${unit.name}”？` : `启用“${unit.name}”？`,
      content: unit.isActive
        ? `${unit.childCount > 0 ? '其下所有单位一并停用，' : ''}账号立即退出并无法登录；清单正在审核流程中时不能停用。历史记录保留，可随时重新启用。`
        : `${unit.childCount > 0 ? '其下所有单位一并启用，' : ''}账号恢复登录（单独停用的账号仍为停用）。`,
      okText: unit.isActive ? '停用' : '启用',
      okButtonProps: { danger: unit.isActive },
      cancelText: '取消',
      onOk: async () => {
        try {
          await update.mutateAsync({ id: unit.id, request: { isActive: !unit.isActive } });
          void message.success(unit.isActive ? '已停用' : '已启用');
        } catch (error) {
          void message.error(errorMessage(error));
        }
      },
    });

  return (
    <Card
      title={
        <Space>
          <span data-testid="org-panel-name">{unit.name}</span>
          <Tag>{ORG_LEVEL_LABELS[unit.level]}</Tag>
          {!unit.isActive && <Tag color="default">已停用</Tag>}
        </Space>
      }
      extra={
        <Space wrap>
          <Button onClick={onEdit} data-testid="org-edit">
            编辑名称
          </Button>
          {!isOwnUnit && parent && (
            <Button onClick={onMove} data-testid="org-move">
              调整上级
            </Button>
          )}
          {!isOwnUnit && (
            <Button danger={unit.isActive} onClick={toggle} data-testid="org-toggle">
              {unit.isActive ? '停用' : '启用'}
            </Button>
          )}
        </Space>
      }
      data-testid="org-panel"
    >
      <Descriptions column={2} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="全称">{unit.name}</Descriptions.Item>
        <Descriptions.Item label="简称">{unit.shortName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="别名" span={2}>
          {unit.aliases.length > 0 ? unit.aliases.map((a) => <Tag key={a}>{a}</Tag>) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="上级单位">{parent?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="下级单位">{unit.childCount}</Descriptions.Item>
        <Descriptions.Item label="更新时间">{formatDateTime(unit.updatedAt)}</Descriptions.Item>
      </Descriptions>

      {childLevels.length > 0 && unit.isActive && (
        <Space wrap style={{ marginBottom: 16 }}>
          {childLevels.map((level) => (
            <Button
              key={level}
              type="primary"
              ghost
              onClick={() => onCreateChild(level)}
              data-testid={`org-create-${level}`}
            >
              新建{ORG_LEVEL_LABELS[level]}
            </Button>
          ))}
        </Space>
      )}

      {canManageAccounts && hasAccounts && (
        <>
          <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              本单位账号
            </Typography.Title>
            {unit.isActive && (
              <Button type="primary" onClick={onCreateAccount} data-testid="org-create-account">
                为该单位新建账号
              </Button>
            )}
          </Space>
          {accounts.data && accounts.data.total === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无账号" />
          ) : (
            <UsersTable
              compact
              users={accounts.data?.items ?? []}
              total={accounts.data?.total ?? 0}
              page={page.page}
              pageSize={page.pageSize}
              loading={accounts.isPending}
              currentUserId={currentUserId}
              onPage={(p, s) => setPage({ page: p, pageSize: s })}
              onEdit={onEditAccount}
              onPasswordReset={onPasswordReset}
            />
          )}
        </>
      )}
      {unit.level === 'department' && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          县直部门用于识别清单中“对应上级部门”“承接部门”的名称：全称、简称和别名都会被识别。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
