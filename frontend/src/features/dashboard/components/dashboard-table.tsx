import { Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { OverdueTag } from '@/components/overdue-tag';
import { StageTag } from '@/components/stage-tag';
import { formatDateTime } from '@/lib/format';
import { formatDeadline, formatTurnHolder } from '@/lib/format-turn';
import { groupKeys, type DashboardRecord } from './dashboard-grouping';
import { ItemsProgress } from './items-progress';

/** Row props with test ids (antd passes them on to the <tr>). */
type RowAttributes = HTMLAttributes<HTMLElement> & Record<`data-${string}`, string>;

const columns: TableColumnsType<DashboardRecord> = [
  {
    title: '乡镇 / 地区',
    key: 'name',
    width: 260,
    render: (_, record) =>
      record.kind === 'group' ? (
        <span data-testid="dashboard-group-name" style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong>{record.name}</Typography.Text>{' '}
          <Typography.Text type="secondary">{record.totals.lists} 份清单</Typography.Text>
        </span>
      ) : (
        <Link to={`/lists/${record.row.listId}`} data-testid="dashboard-link" title={record.row.title}>
          {record.row.township.name}
        </Link>
      ),
  },
  {
    title: '阶段',
    key: 'stage',
    width: 150,
    render: (_, record) =>
      record.kind === 'group' ? (
        <Typography.Text type="secondary">
          县级已审定 {record.totals.countyApproved}/{record.totals.lists}
        </Typography.Text>
      ) : (
        <StageTag stage={record.row.stage} />
      ),
  },
  {
    title: '轮次',
    key: 'round',
    width: 80,
    align: 'center',
    render: (_, record) => (record.kind === 'list' ? `${record.row.round}/${record.row.maxRounds}` : null),
  },
  {
    title: '当前办理',
    key: 'turn',
    width: 220,
    render: (_, record) => {
      if (record.kind === 'group') return null;
      const { turn } = record.row;
      if (!turn) return <Typography.Text type="secondary">流程已结束</Typography.Text>;
      return (
        <Flex vertical gap={0}>
          <span>{formatTurnHolder(turn)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {turn.task}
          </Typography.Text>
        </Flex>
      );
    },
  },
  {
    title: '事项审核（县级）',
    key: 'items',
    width: 230,
    render: (_, record) => <ItemsProgress items={record.kind === 'group' ? record.totals.items : record.row.items} />,
  },
  {
    title: '未解决讨论',
    key: 'threads',
    width: 110,
    align: 'right',
    render: (_, record) => {
      const count = record.kind === 'group' ? record.totals.unresolvedThreads : record.row.unresolvedThreads;
      return count > 0 ? (
        <Typography.Text strong>{count}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">0</Typography.Text>
      );
    },
  },
  {
    title: '办理期限',
    key: 'deadline',
    width: 250,
    render: (_, record) => {
      if (record.kind === 'group') {
        return record.totals.overdue > 0 ? (
          <Typography.Text type="danger">逾期 {record.totals.overdue} 份</Typography.Text>
        ) : (
          <Typography.Text type="secondary">无逾期</Typography.Text>
        );
      }
      return (
        <Flex gap={4} align="center" wrap>
          <Typography.Text type={record.row.overdue ? 'danger' : 'secondary'}>
            {formatDeadline(record.row.deadline)}
          </Typography.Text>
          <OverdueTag overdue={record.row.overdue} />
        </Flex>
      );
    },
  },
  {
    title: '更新时间',
    key: 'updatedAt',
    width: 160,
    render: (_, record) => (record.kind === 'list' ? formatDateTime(record.row.updatedAt) : null),
  },
];

/** Every list in scope as rows, under expandable county / prefecture group rows. */
export function DashboardTable({ records, loading }: { records: DashboardRecord[]; loading?: boolean }) {
  const allGroups = useMemo(() => groupKeys(records), [records]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  return (
    <Table<DashboardRecord>
      rowKey="key"
      columns={columns}
      dataSource={records}
      loading={loading}
      bordered
      size="middle"
      locale={{ emptyText: '没有符合条件的清单' }}
      pagination={false}
      expandable={{
        expandedRowKeys: allGroups.filter((key) => !collapsed.has(key)),
        onExpand: (expanded, record) =>
          setCollapsed((current) => {
            const next = new Set(current);
            if (expanded) next.delete(record.key);
            else next.add(record.key);
            return next;
          }),
      }}
      onRow={(record): RowAttributes =>
        record.kind === 'group'
          ? { 'data-testid': 'dashboard-group', style: { background: '#fafafa' } }
          : { 'data-testid': 'dashboard-row', 'data-list-id': record.row.listId }
      }
      data-testid="dashboard-table"
    />
  );
}
