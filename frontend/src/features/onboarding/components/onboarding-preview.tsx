import { useMemo, useState } from 'react';
import { Alert, Card, Col, Row, Segmented, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  ORG_LEVEL_LABELS,
  ROLE_LABELS,
  type OnboardingOrgRow,
  type OnboardingPreview as Preview,
  type OnboardingProblem,
  type OnboardingUserRow,
} from '@dutylist/shared';
import { ACTION_LABELS } from './onboarding-labels';

const PAGE = { pageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100] };

function ActionTag({ action }: { action: keyof typeof ACTION_LABELS }) {
  const { text, color } = ACTION_LABELS[action];
  return <Tag color={color}>{text}</Tag>;
}

function Counts({ title, counts }: { title: string; counts: Preview['counts']['users'] }) {
  return (
    <Card size="small" title={title}>
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title="新建" value={counts.create} valueStyle={{ color: '#389e0d' }} />
        </Col>
        <Col span={6}>
          <Statistic title="更新" value={counts.update} valueStyle={{ color: '#1677ff' }} />
        </Col>
        <Col span={6}>
          <Statistic title="不变" value={counts.unchanged} />
        </Col>
        <Col span={6}>
          <Statistic title="有问题" value={counts.error} valueStyle={counts.error ? { color: '#cf1322' } : undefined} />
        </Col>
      </Row>
    </Card>
  );
}

const problemColumns: TableColumnsType<OnboardingProblem> = [
  {
    title: '工作表',
    dataIndex: 'sheet',
    width: 100,
    filters: [
      { text: '组织机构', value: '组织机构' },
      { text: '用户', value: '用户' },
    ],
    onFilter: (v, r) => r.sheet === v,
  },
  { title: '行号', dataIndex: 'row', width: 80, sorter: (a, b) => a.row - b.row },
  { title: '列', dataIndex: 'column', width: 110, render: (v: string | null) => v ?? '—' },
  { title: '问题', dataIndex: 'message', render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text> },
];

type Filter = 'all' | 'problems' | 'changes';

function filterRows<T extends { action: string }>(rows: T[], filter: Filter): T[] {
  if (filter === 'problems') return rows.filter((r) => r.action === 'error');
  if (filter === 'changes') return rows.filter((r) => r.action === 'create' || r.action === 'update');
  return rows;
}

/** Step 2: what the workbook would create, update or leave unchanged, and every problem with its sheet and row. */
export function OnboardingPreviewPanel({ preview }: { preview: Preview }) {
  const [filter, setFilter] = useState<Filter>(preview.problems.length ? 'problems' : 'all');
  const problemsByRow = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const p of preview.problems) {
      const key = `${p.sheet}:${p.row}`;
      map.set(key, [...(map.get(key) ?? []), p.message]);
    }
    return map;
  }, [preview.problems]);
  const note = (sheet: string, row: number, changes: string[]) => {
    const problems = problemsByRow.get(`${sheet}:${row}`);
    if (problems) return <Typography.Text type="danger">{problems.join('；')}</Typography.Text>;
    return changes.length ? changes.join('；') : null;
  };

  const orgColumns: TableColumnsType<OnboardingOrgRow> = [
    { title: '行号', dataIndex: 'row', width: 70 },
    {
      title: '处理',
      dataIndex: 'action',
      width: 80,
      render: (a: OnboardingOrgRow['action']) => <ActionTag action={a} />,
    },
    { title: '单位全称', dataIndex: 'name', width: 200 },
    { title: '简称', dataIndex: 'shortName', width: 110, render: (v: string | null) => v ?? '' },
    {
      title: '类型',
      dataIndex: 'level',
      width: 90,
      render: (v: OnboardingOrgRow['level']) => (v ? ORG_LEVEL_LABELS[v] : ''),
    },
    { title: '位置', key: 'path', render: (_, r) => r.path ?? r.parent },
    { title: '说明', key: 'note', render: (_, r) => note('组织机构', r.row, r.changes) },
  ];
  const userColumns: TableColumnsType<OnboardingUserRow> = [
    { title: '行号', dataIndex: 'row', width: 70 },
    {
      title: '处理',
      dataIndex: 'action',
      width: 80,
      render: (a: OnboardingUserRow['action']) => <ActionTag action={a} />,
    },
    { title: '用户名', dataIndex: 'username', width: 140 },
    { title: '姓名', dataIndex: 'displayName', width: 100 },
    {
      title: '角色',
      dataIndex: 'role',
      width: 150,
      render: (v: OnboardingUserRow['role']) => (v ? ROLE_LABELS[v] : ''),
    },
    { title: '所属单位', key: 'unit', render: (_, r) => r.orgUnitPath ?? r.orgUnit },
    { title: '说明', key: 'note', render: (_, r) => note('用户', r.row, r.changes) },
  ];

  const problemCount = preview.problems.length;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="onboarding-preview">
      {problemCount > 0 ? (
        <Alert
          type="error"
          showIcon
          message={`文件中有 ${problemCount} 个问题，修正后请重新上传`}
          description="下表列出每个问题所在的工作表和行号（行号与 Excel 中一致）。有问题时不能确认导入，什么都不会写入。"
          data-testid="onboarding-problems-alert"
        />
      ) : !preview.canConfirm ? (
        <Alert type="warning" showIcon message="该预览已过期，请重新上传文件" />
      ) : (
        <Alert
          type="success"
          showIcon
          message="校验通过，可以确认导入"
          description="确认后所有单位和账号在一次操作中写入：要么全部成功，要么全部不写入。"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Counts title={`组织机构（${preview.orgUnits.length} 行）`} counts={preview.counts.orgUnits} />
        </Col>
        <Col xs={24} lg={12}>
          <Counts title={`用户（${preview.users.length} 行）`} counts={preview.counts.users} />
        </Col>
      </Row>
      <Tabs
        tabBarExtraContent={
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { label: '全部', value: 'all' },
              {
                label: `只看有问题的（${preview.counts.orgUnits.error + preview.counts.users.error}）`,
                value: 'problems',
              },
              { label: '只看新建和更新', value: 'changes' },
            ]}
            data-testid="onboarding-filter"
          />
        }
        defaultActiveKey={problemCount ? 'problems' : 'orgUnits'}
        items={[
          ...(problemCount
            ? [
                {
                  key: 'problems',
                  label: `校验报告（${problemCount}）`,
                  children: (
                    <Table
                      rowKey={(r) => `${r.sheet}:${r.row}:${r.column}:${r.message}`}
                      size="small"
                      columns={problemColumns}
                      dataSource={preview.problems}
                      pagination={PAGE}
                      data-testid="onboarding-problems"
                    />
                  ),
                },
              ]
            : []),
          {
            key: 'orgUnits',
            label: `组织机构（${preview.orgUnits.length}）`,
            children: (
              <Table
                rowKey="row"
                size="small"
                columns={orgColumns}
                dataSource={filterRows(preview.orgUnits, filter)}
                pagination={PAGE}
                data-testid="onboarding-org-rows"
              />
            ),
          },
          {
            key: 'users',
            label: `用户（${preview.users.length}）`,
            children: (
              <Table
                rowKey="row"
                size="small"
                columns={userColumns}
                dataSource={filterRows(preview.users, filter)}
                pagination={PAGE}
                data-testid="onboarding-user-rows"
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
