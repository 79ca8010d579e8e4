import { Flex, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import type { AdminEvent } from '@dutylist/shared';
import { ErrorState } from '@/components/error-state';
import { useAdminAudit } from '@/features/admin/hooks/use-admin-queries';
import { formatDateTime } from '@/lib/format';

const TARGET_LABELS: Record<string, string> = {
  org_unit: '单位',
  user: '账号',
  edition: '年度',
  webhook: '通知机器人',
  onboarding: '批量导入',
  session: '登录',
};

const columns: TableProps<AdminEvent>['columns'] = [
  { title: '时间', dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
  {
    title: '操作人',
    key: 'actor',
    width: 200,
    render: (_, e) =>
      e.actor ? (
        <>
          <div>{e.actor.displayName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.actor.username}
          </Typography.Text>
        </>
      ) : (
        '系统'
      ),
  },
  { title: '对象', dataIndex: 'targetType', width: 100, render: (t: string) => TARGET_LABELS[t] ?? t },
  { title: '所在单位', key: 'orgUnit', width: 180, render: (_, e) => e.orgUnit?.name ?? '—' },
  { title: '内容', dataIndex: 'summary' },
];

/** 管理日志: every administration change of the admin's subtree, newest first. */
export function AdminAuditPage() {
  const [targetType, setTargetType] = useState<string | undefined>(undefined);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = useAdminAudit({
    targetType: targetType as 'org_unit' | 'user' | undefined,
    ...paging,
  });
  return (
    <div data-testid="admin-audit-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        管理日志
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        您管理范围内的单位和账号变更：谁在何时做了什么。日志只增不改。
      </Typography.Paragraph>
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部对象"
          style={{ width: 160 }}
          options={Object.entries(TARGET_LABELS).map(([value, label]) => ({ value, label }))}
          value={targetType}
          onChange={(v?: string) => {
            setTargetType(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          data-testid="audit-filter-target"
        />
      </Flex>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<AdminEvent>
          rowKey="id"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          locale={{ emptyText: '暂无管理日志' }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: query.data?.total ?? 0,
            showTotal: (t) => `共 ${t} 条`,
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          data-testid="admin-audit-table"
        />
      )}
    </div>
  );
}
