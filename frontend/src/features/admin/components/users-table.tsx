import { App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ROLE_LABELS, type AdminUser, type OneTimePasswordResponse } from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useResetPassword, useUpdateUser } from '../hooks/use-admin-mutations';

/** Accounts with their status and last login; edit, disable/enable, reset password per row. */
export function UsersTable({
  users,
  total,
  page,
  pageSize,
  loading,
  currentUserId,
  onPage,
  onEdit,
  onPasswordReset,
  compact = false,
}: {
  users: AdminUser[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  currentUserId: string | undefined;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (user: AdminUser) => void;
  onPasswordReset: (result: OneTimePasswordResponse) => void;
  /** Inside the unit panel of 机构管理: no unit column. */
  compact?: boolean;
}) {
  const { message, modal } = App.useApp();
  const update = useUpdateUser();
  const reset = useResetPassword();

  const toggle = (user: AdminUser) =>
    modal.confirm({
      title: user.isActive ? `停用账号“${user.username}”？` : `启用账号“${user.username}”？`,
      content: user.isActive
        ? '停用后该账号立即退出登录，且无法再登录；可随时重新启用。'
        : '启用后该账号可以重新登录。',
      okText: user.isActive ? '停用' : '启用',
      okButtonProps: { danger: user.isActive },
      cancelText: '取消',
      onOk: async () => {
        try {
          await update.mutateAsync({ id: user.id, request: { isActive: !user.isActive } });
          void message.success(user.isActive ? '已停用' : '已启用');
        } catch (error) {
          void message.error(errorMessage(error));
        }
      },
    });

  const resetPassword = (user: AdminUser) =>
    modal.confirm({
      title: `重置“${user.username}”的密码？`,
      content: '将生成新的初始密码（只显示一次），原密码立即失效，该账号所有登录随之退出，下次登录须修改密码。',
      okText: '重置',
      cancelText: '取消',
      onOk: async () => {
        try {
          onPasswordReset(await reset.mutateAsync(user.id));
        } catch (error) {
          void message.error(errorMessage(error));
        }
      },
    });

  const columns: TableProps<AdminUser>['columns'] = [
    {
      title: '用户名',
      dataIndex: 'username',
      render: (username: string, user) => (
        <Space size={4} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong={user.id === currentUserId}>{username}</Typography.Text>
          {user.id === currentUserId && <Tag>我</Tag>}
        </Space>
      ),
    },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'role', render: (role: AdminUser['role']) => ROLE_LABELS[role] },
    ...(compact
      ? []
      : [{ title: '所属单位', key: 'orgUnit', render: (_: unknown, user: AdminUser) => user.orgUnit.name }]),
    {
      title: '状态',
      key: 'status',
      render: (_, user) => (
        <Space size={4} wrap>
          {user.isActive ? <Tag color="green">启用</Tag> : <Tag color="default">已停用</Tag>}
          {user.mustChangePassword && (
            <Tooltip title="使用初始密码，首次登录须修改">
              <Tag color="orange">待改密</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (value: string | null) =>
        value ? formatDateTime(value) : <Typography.Text type="secondary">从未登录</Typography.Text>,
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, user) => {
        const self = user.id === currentUserId;
        return (
          <Space size={0} style={{ whiteSpace: 'nowrap' }}>
            <Button type="link" size="small" onClick={() => onEdit(user)} data-testid="user-edit">
              编辑
            </Button>
            {!self && (
              <Button
                type="link"
                size="small"
                danger={user.isActive}
                onClick={() => toggle(user)}
                data-testid="user-toggle"
              >
                {user.isActive ? '停用' : '启用'}
              </Button>
            )}
            {!self && (
              <Button type="link" size="small" onClick={() => resetPassword(user)} data-testid="user-reset-password">
                重置密码
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Table<AdminUser>
      rowKey="id"
      size={compact ? 'small' : 'middle'}
      columns={columns}
      dataSource={users}
      loading={loading}
      locale={{ emptyText: '没有账号' }}
      pagination={
        compact && total <= pageSize
          ? false
          : {
              current: page,
              pageSize,
              total,
              showSizeChanger: !compact,
              showTotal: (t) => `共 ${t} 个账号`,
              onChange: onPage,
            }
      }
      data-testid="users-table"
    />
  );
}
