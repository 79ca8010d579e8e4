import { Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ListSummary } from '@dutylist/shared';
import { Link, useNavigate } from 'react-router';
import { OverdueTag } from '@/components/overdue-tag';
import { StageTag } from '@/components/stage-tag';
import { formatDateTime, formatEdition, formatRound } from '@/lib/format';
import { formatDeadline, formatTurnHolder } from '@/lib/format-turn';

export interface ListsTableProps {
  lists: ListSummary[];
  loading?: boolean;
}

const columns: TableColumnsType<ListSummary> = [
  {
    title: '乡镇',
    key: 'township',
    render: (_, list) => (
      <Link to={`/lists/${list.id}`} data-testid="list-link" onClick={(event) => event.stopPropagation()}>
        {list.township.name}
      </Link>
    ),
    sorter: (a, b) => a.township.name.localeCompare(b.township.name, 'zh-CN'),
  },
  {
    title: '县',
    key: 'county',
    render: (_, list) => list.county.name,
    sorter: (a, b) => a.county.name.localeCompare(b.county.name, 'zh-CN'),
  },
  {
    title: '州/地区',
    key: 'prefecture',
    render: (_, list) => list.prefecture.name,
    sorter: (a, b) => a.prefecture.name.localeCompare(b.prefecture.name, 'zh-CN'),
  },
  {
    title: '版本',
    dataIndex: 'edition',
    render: (edition: number) => formatEdition(edition),
    sorter: (a, b) => a.edition - b.edition,
  },
  {
    title: '阶段',
    dataIndex: 'stage',
    render: (_, list) => (
      <Flex gap={4} wrap>
        <StageTag stage={list.stage} />
        {list.adjusting && (
          <Tag color="orange" data-testid="list-adjusting-tag">
            动态调整
          </Tag>
        )}
      </Flex>
    ),
  },
  { title: '轮次', key: 'round', render: (_, list) => formatRound(list.round, list.maxRounds) },
  {
    title: '当前办理',
    key: 'turn',
    render: (_, list) =>
      list.turn ? (
        <Flex vertical gap={2} data-testid="list-turn-cell">
          <span>{formatTurnHolder(list.turn)}</span>
          <Flex gap={4} align="center" wrap>
            <Typography.Text type="secondary">{list.turn.task}</Typography.Text>
            <OverdueTag overdue={list.overdue} />
          </Flex>
          {list.deadline && (
            <Typography.Text type={list.overdue ? 'danger' : 'secondary'} data-testid="list-deadline-cell">
              期限 {formatDeadline(list.deadline)}
            </Typography.Text>
          )}
        </Flex>
      ) : (
        <Typography.Text type="secondary">流程已结束</Typography.Text>
      ),
  },
  {
    title: '事项数',
    children: [
      { title: '基本', key: 'basic', align: 'right', render: (_, list) => list.counts.basic },
      { title: '配合', key: 'cooperative', align: 'right', render: (_, list) => list.counts.cooperative },
      { title: '收回', key: 'revoked', align: 'right', render: (_, list) => list.counts.revoked },
    ],
  },
  {
    title: '更新时间',
    dataIndex: 'updatedAt',
    render: (value: string) => formatDateTime(value),
    sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
    defaultSortOrder: 'descend',
  },
];

/** The lists in the user's scope; clicking a row opens the list. */
export function ListsTable({ lists, loading }: ListsTableProps) {
  const navigate = useNavigate();
  return (
    <div data-testid="lists-table">
      <Table<ListSummary>
        rowKey="id"
        columns={columns}
        dataSource={lists}
        loading={loading}
        bordered
        size="middle"
        locale={{ emptyText: '暂无清单' }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 份清单`,
        }}
        onRow={(list) => ({
          onClick: () => void navigate(`/lists/${list.id}`),
          style: { cursor: 'pointer' },
        })}
      />
    </div>
  );
}
