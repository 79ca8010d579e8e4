import { App, Button, Flex, Input, Popconfirm, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import {
  ORG_LEVEL_LABELS,
  WEBHOOK_PROVIDER_LABELS,
  type OrgLevel,
  type OrgUnit,
  type WebhookSetting,
  type WebhookTestResult,
} from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { useDeleteWebhook, useTestWebhook } from '../hooks/use-webhooks';
import { WebhookFormModal } from './webhook-form-modal';

export interface WebhookRow {
  orgUnit: OrgUnit;
  /** The units above it, from the top of the admin's scope down (names). */
  parents: string[];
  hook: WebhookSetting | null;
}

type Filter = 'all' | 'set' | 'unset';

/** One row per org unit in scope, with its robot (or none), ordered as the hierarchy. */
export function buildWebhookRows(orgUnits: OrgUnit[], hooks: WebhookSetting[]): WebhookRow[] {
  const byId = new Map(orgUnits.map((o) => [o.id, o]));
  const hookOf = new Map(hooks.map((h) => [h.orgUnit.id, h]));
  const parentsOf = (unit: OrgUnit): string[] => {
    const names: string[] = [];
    let parent = unit.parentId ? byId.get(unit.parentId) : undefined;
    while (parent) {
      names.unshift(parent.name);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    return names;
  };
  const rows = orgUnits.map((orgUnit) => ({
    orgUnit,
    parents: parentsOf(orgUnit),
    hook: hookOf.get(orgUnit.id) ?? null,
  }));
  const key = (row: WebhookRow) => [...row.parents, row.orgUnit.name].join('\u0000');
  return rows.sort((a, b) => key(a).localeCompare(key(b), 'zh-CN'));
}

const LEVEL_COLORS: Record<OrgLevel, string> = {
  region: 'magenta',
  prefecture: 'purple',
  county: 'blue',
  township: 'cyan',
  department: 'gold',
};

function TestOutcome({ result }: { result: WebhookTestResult }) {
  if (result.ok) return <Tag color="success">测试成功</Tag>;
  return (
    <Tooltip title={result.message}>
      <Tag color="error">测试失败{result.httpStatus ? `（HTTP ${result.httpStatus}）` : ''}</Tag>
    </Tooltip>
  );
}

export interface WebhooksTableProps {
  rows: WebhookRow[];
  loading?: boolean;
}

/** 通知机器人: every org unit in scope with its robot; add/edit in a modal, delete, send a test message. */
export function WebhooksTable({ rows, loading }: WebhooksTableProps) {
  const { message, modal } = App.useApp();
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [editing, setEditing] = useState<WebhookRow | null>(null);
  const [results, setResults] = useState<Record<string, WebhookTestResult>>({});
  const remove = useDeleteWebhook();
  const test = useTestWebhook();

  const visible = useMemo(() => {
    const needle = search.trim();
    return rows.filter(
      (row) =>
        (filter === 'all' || (filter === 'set') === (row.hook !== null)) &&
        (!needle || row.orgUnit.name.includes(needle) || row.parents.some((p) => p.includes(needle))),
    );
  }, [rows, search, filter]);
  const configured = rows.filter((r) => r.hook).length;

  const sendTest = (row: WebhookRow) =>
    test.mutate(row.orgUnit.id, {
      onSuccess: (result) => {
        setResults((all) => ({ ...all, [row.orgUnit.id]: result }));
        if (result.ok) {
          void message.success(`测试消息已发送到“${row.orgUnit.name}”的群，请在群里查看`);
        } else {
          modal.error({
            title: '测试消息发送失败',
            content: (
              <div data-testid="webhook-test-error">
                <Typography.Paragraph>{result.message}</Typography.Paragraph>
                {result.httpStatus !== null && !result.message.includes(`HTTP ${result.httpStatus}`) && (
                  <Typography.Text type="secondary">机器人返回的 HTTP 状态：{result.httpStatus}</Typography.Text>
                )}
              </div>
            ),
            okText: '知道了',
          });
        }
      },
      onError: (error) => void message.error(errorMessage(error, '发送失败，请稍后重试')),
    });

  const columns: TableColumnsType<WebhookRow> = [
    {
      title: '单位',
      key: 'org',
      width: 210,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{row.orgUnit.name}</Typography.Text>
          {row.parents.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.parents.join(' / ')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '级别',
      key: 'level',
      width: 100,
      filters: (Object.keys(ORG_LEVEL_LABELS) as OrgLevel[]).map((level) => ({
        text: ORG_LEVEL_LABELS[level],
        value: level,
      })),
      onFilter: (value, row) => row.orgUnit.level === value,
      render: (_, row) => <Tag color={LEVEL_COLORS[row.orgUnit.level]}>{ORG_LEVEL_LABELS[row.orgUnit.level]}</Tag>,
    },
    {
      title: '群机器人',
      key: 'hook',
      ellipsis: { showTitle: false },
      render: (_, row) =>
        row.hook ? (
          <Space direction="vertical" size={2} style={{ maxWidth: '100%' }}>
            <Space size={6}>
              <span>{WEBHOOK_PROVIDER_LABELS[row.hook.provider]}</span>
              {row.hook.provider === 'dingtalk' &&
                (row.hook.hasSecret ? <Tag color="green">加签已设置</Tag> : <Tag>未加签</Tag>)}
            </Space>
            <Tooltip title={row.hook.url} placement="topLeft">
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, fontFamily: 'monospace' }}>
                {row.hook.url}
              </Typography.Text>
            </Tooltip>
          </Space>
        ) : (
          <Typography.Text type="secondary">未配置</Typography.Text>
        ),
    },
    {
      title: '状态',
      key: 'enabled',
      width: 160,
      render: (_, row) =>
        row.hook ? (
          <Space size={4} wrap>
            {row.hook.enabled ? <Tag color="processing">已启用</Tag> : <Tag>已停用</Tag>}
            {results[row.orgUnit.id] && <TestOutcome result={results[row.orgUnit.id]} />}
          </Space>
        ) : null,
    },
    {
      title: '操作',
      key: 'actions',
      width: 240,
      render: (_, row) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing(row)} data-testid="webhook-edit">
            {row.hook ? '编辑' : '添加机器人'}
          </Button>
          {row.hook && (
            <>
              <Button
                type="link"
                size="small"
                loading={test.isPending && test.variables === row.orgUnit.id}
                onClick={() => sendTest(row)}
                data-testid="webhook-test"
              >
                发送测试消息
              </Button>
              <Popconfirm
                title="删除群机器人"
                description={`删除后“${row.orgUnit.name}”的群将不再收到提醒。确定删除？`}
                okText="删除"
                okButtonProps={{ danger: true, 'data-testid': 'webhook-delete-confirm' } as ButtonProps}
                cancelText="取消"
                onConfirm={() =>
                  remove.mutateAsync(row.orgUnit.id).then(
                    () => void message.success('已删除群机器人'),
                    (error: unknown) => void message.error(errorMessage(error, '删除失败，请稍后重试')),
                  )
                }
              >
                <Button type="link" size="small" danger data-testid="webhook-delete">
                  删除
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="搜索单位名称"
          style={{ width: 260 }}
          onSearch={setSearch}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="webhook-search"
        />
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `全部 ${rows.length}` },
            { value: 'set', label: `已配置 ${configured}` },
            { value: 'unset', label: `未配置 ${rows.length - configured}` },
          ]}
          data-testid="webhook-filter"
        />
      </Flex>
      <Table<WebhookRow>
        rowKey={(row) => row.orgUnit.id}
        columns={columns}
        dataSource={visible}
        loading={loading}
        size="middle"
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个单位` }}
        locale={{ emptyText: search ? '没有匹配的单位' : '暂无单位' }}
        onRow={(row) => ({ 'data-testid': `webhook-row-${row.orgUnit.name}` }) as React.HTMLAttributes<HTMLElement>}
      />
      {editing && (
        <WebhookFormModal orgUnit={editing.orgUnit} current={editing.hook} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
