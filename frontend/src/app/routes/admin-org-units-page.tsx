import { Col, Empty, Flex, Input, Row, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { OneTimePasswordResponse } from '@dutylist/shared';
import { ErrorState } from '@/components/error-state';
import { PageLoading } from '@/components/page-loading';
import { useCurrentUser } from '@/features/auth/hooks/use-current-user';
import { MoveOrgUnitModal } from '@/features/admin/components/move-org-unit-modal';
import { OneTimePasswordModal } from '@/features/admin/components/one-time-password-modal';
import { OrgUnitFormModal, type OrgUnitFormTarget } from '@/features/admin/components/org-unit-form-modal';
import { OrgUnitPanel } from '@/features/admin/components/org-unit-panel';
import { OrgUnitTree } from '@/features/admin/components/org-unit-tree';
import { buildOrgTree, departmentsFolderKey, keysToDepth } from '@/features/admin/components/org-unit-tree-data';
import { UserFormModal, type UserFormTarget } from '@/features/admin/components/user-form-modal';
import { useAdminOrgUnits } from '@/features/admin/hooks/use-admin-queries';

/** 机构管理: the subtree as a tree; the selected unit's names, children and accounts beside it. */
export function AdminOrgUnitsPage() {
  const { data: me } = useCurrentUser();
  const query = useAdminOrgUnits();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [unitForm, setUnitForm] = useState<OrgUnitFormTarget | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const [userForm, setUserForm] = useState<UserFormTarget | null>(null);
  const [otp, setOtp] = useState<{ result: OneTimePasswordResponse; reason: 'created' | 'reset' } | null>(null);

  const units = useMemo(() => query.data ?? [], [query.data]);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const tree = useMemo(() => buildOrgTree(units, search), [units, search]);

  useEffect(() => {
    if (units.length > 0 && selected === null) setSelected(units[0].id);
    if (units.length > 0 && expanded === null) setExpanded(keysToDepth(buildOrgTree(units), 2));
  }, [units, selected, expanded]);

  const unit = selected ? byId.get(selected) : undefined;
  const expandedKeys = search.trim() ? keysToDepth(tree, 10) : (expanded ?? []);

  /** Select a unit and open the tree down to it. */
  const reveal = (id: string) => {
    setSelected(id);
    const keys: string[] = [];
    for (let u = byId.get(byId.get(id)?.parentId ?? ''); u; u = u.parentId ? byId.get(u.parentId) : undefined) {
      keys.push(u.id);
    }
    const created = byId.get(id);
    if (created?.level === 'department' && created.parentId) keys.push(departmentsFolderKey(created.parentId));
    setExpanded((prev) => [...new Set([...(prev ?? []), ...keys])]);
  };

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <div data-testid="admin-org-units-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        机构管理
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        您管理“{units[0]?.name}
        ”及其下级单位：新建下级单位（县下为乡镇和县直部门），维护全称、简称和别名，调整隶属关系，停用或启用，并为各单位新建账号。
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={10} xl={9}>
          <Flex vertical gap={8}>
            <Input.Search
              allowClear
              placeholder="按全称、简称或别名查找"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="org-search"
            />
            {tree.length === 0 ? (
              <Empty description="没有匹配的单位" />
            ) : (
              <OrgUnitTree
                nodes={tree}
                selectedKey={selected}
                expandedKeys={expandedKeys}
                onExpand={setExpanded}
                onSelect={(key) => {
                  if (byId.has(key)) setSelected(key);
                  else
                    setExpanded((prev) =>
                      prev?.includes(key) ? prev.filter((k) => k !== key) : [...(prev ?? []), key],
                    );
                }}
              />
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={14} xl={15}>
          {unit ? (
            <OrgUnitPanel
              key={unit.id}
              unit={unit}
              parent={unit.parentId ? byId.get(unit.parentId) : undefined}
              isOwnUnit={unit.id === me?.orgUnit.id}
              currentUserId={me?.id}
              canManageAccounts={me?.can.manageAccounts ?? false}
              onCreateChild={(level) => setUnitForm({ mode: 'create', parent: unit, level })}
              onEdit={() => setUnitForm({ mode: 'edit', unit })}
              onMove={() => setMoving(unit.id)}
              onCreateAccount={() => setUserForm({ mode: 'create', orgUnitId: unit.id })}
              onEditAccount={(user) => setUserForm({ mode: 'edit', user })}
              onPasswordReset={(result) => setOtp({ result, reason: 'reset' })}
            />
          ) : (
            <Empty description="在左侧选择一个单位" />
          )}
        </Col>
      </Row>
      <OrgUnitFormModal
        target={unitForm}
        onClose={() => setUnitForm(null)}
        onCreated={(created, thenAccount) => {
          // The list refetches; select the new unit once it is there.
          setSelected(created.id);
          reveal(created.id);
          if (thenAccount) setUserForm({ mode: 'create', orgUnitId: created.id });
        }}
      />
      <MoveOrgUnitModal
        unit={moving ? (byId.get(moving) ?? null) : null}
        units={units}
        onClose={() => setMoving(null)}
      />
      <UserFormModal
        target={userForm}
        units={units}
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
