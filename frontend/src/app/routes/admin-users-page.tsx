import { Button, Flex, Input, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ORG_LEVEL_LABELS, ROLES, ROLE_LABELS, type OneTimePasswordResponse, type Role } from '@dutylist/shared';
import { ErrorState } from '@/components/error-state';
import { useCurrentUser } from '@/features/auth/hooks/use-current-user';
import { OneTimePasswordModal } from '@/features/admin/components/one-time-password-modal';
import { rolesFor } from '@/features/admin/components/org-unit-tree-data';
import { UserFormModal, type UserFormTarget } from '@/features/admin/components/user-form-modal';
import { UsersTable } from '@/features/admin/components/users-table';
import { useAdminOrgUnits, useAdminUsers } from '@/features/admin/hooks/use-admin-queries';

/** 账号管理: every account of the admin's subtree, searchable and filterable, with last login. */
export function AdminUsersPage() {
  const { data: me } = useCurrentUser();
  const units = useAdminOrgUnits();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<{ orgUnitId?: string; role?: Role; isActive?: boolean }>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = useAdminUsers({ search: search.trim() || undefined, ...filters, ...paging });
  const [userForm, setUserForm] = useState<UserFormTarget | null>(null);
  const [otp, setOtp] = useState<{ result: OneTimePasswordResponse; reason: 'created' | 'reset' } | null>(null);
  const unitOptions = useMemo(
    () =>
      (units.data ?? [])
        .filter((u) => rolesFor(u.level).length > 0)
        .map((u) => ({ value: u.id, label: `${u.name}（${ORG_LEVEL_LABELS[u.level]}）` })),
    [units.data],
  );
  const setFilter = (next: Partial<typeof filters>) => {
    setFilters((prev) => ({ ...prev, ...next }));
    setPaging((p) => ({ ...p, page: 1 }));
  };

  return (
    <div data-testid="admin-users-page">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          账号管理
        </Typography.Title>
        <Button type="primary" onClick={() => setUserForm({ mode: 'create' })} data-testid="user-create">
          新建账号
        </Button>
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="用户名或姓名"
          style={{ width: 220 }}
          onSearch={(value) => {
            setSearch(value);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          data-testid="user-search"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="所属单位"
          style={{ width: 240 }}
          options={unitOptions}
          value={filters.orgUnitId}
          onChange={(orgUnitId?: string) => setFilter({ orgUnitId })}
          data-testid="user-filter-unit"
        />
        <Select
          allowClear
          placeholder="角色"
          style={{ width: 180 }}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          value={filters.role}
          onChange={(role?: Role) => setFilter({ role })}
          data-testid="user-filter-role"
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 120 }}
          options={[
            { value: 'true', label: '启用' },
            { value: 'false', label: '已停用' },
          ]}
          value={filters.isActive === undefined ? undefined : String(filters.isActive)}
          onChange={(v?: string) => setFilter({ isActive: v === undefined ? undefined : v === 'true' })}
          data-testid="user-filter-active"
        />
      </Flex>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <UsersTable
          users={query.data?.items ?? []}
          total={query.data?.total ?? 0}
          page={paging.page}
          pageSize={paging.pageSize}
          loading={query.isFetching}
          currentUserId={me?.id}
          onPage={(page, pageSize) => setPaging({ page, pageSize })}
          onEdit={(user) => setUserForm({ mode: 'edit', user })}
          onPasswordReset={(result) => setOtp({ result, reason: 'reset' })}
        />
      )}
      <UserFormModal
        target={userForm}
        units={units.data ?? []}
        onClose={() => setUserForm(null)}
        onCreated={(result) => setOtp({ result, reason: 'created' })}
      />
      <OneTimePasswordModal
        result={otp?.result ?? null}
        reason={otp?.reason ?? 'created'}
        onClose={() => setOtp(null)}
      />
    </div>
  );
}
