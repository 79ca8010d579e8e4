import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { Task } from '@dutylist/shared';
import { Link } from 'react-router';
import { OverdueTag } from '@/components/overdue-tag';
import { StageTag } from '@/components/stage-tag';
import { formatDateTime } from '@/lib/format';
import { formatDeadline } from '@/lib/format-turn';

export interface TasksTableProps {
  tasks: Task[];
  /** Drafters open the list (to revise it), reviewers its review page. */
  forDrafter: boolean;
  loading?: boolean;
}

/** Where a task leads: the list for a drafter, its review page for a reviewer. */
export function taskLink(task: Pick<Task, 'listId'>, forDrafter: boolean): string {
  return forDrafter ? `/lists/${task.listId}` : `/lists/${task.listId}/review`;
}

/** Row props with test ids (antd passes them on to the <tr>). */
type RowAttributes = HTMLAttributes<HTMLElement> & Record<`data-${string}`, string>;

function buildColumns(forDrafter: boolean): TableColumnsType<Task> {
  return [
    {
      title: '清单',
      dataIndex: 'title',
      render: (title: string, task) => (
        <Link to={taskLink(task, forDrafter)} data-testid="task-link">
          {title}
        </Link>
      ),
    },
    { title: '县', dataIndex: 'county', width: 120 },
    { title: '乡镇', dataIndex: 'township', width: 120 },
    {
      title: '待办事项',
      dataIndex: 'task',
      width: 180,
      render: (text: string, task) => (
        <span>
          {text} <StageTag stage={task.stage} />
        </span>
      ),
    },
    { title: '轮次', dataIndex: 'round', width: 80, align: 'center', render: (round: number) => `第${round}轮` },
    {
      title: forDrafter ? '待处理意见' : '待审事项',
      dataIndex: 'pending',
      width: 110,
      align: 'right',
      render: (pending: number) =>
        pending > 0 ? (
          <Typography.Text strong>{pending} 项</Typography.Text>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    {
      title: '开始时间',
      dataIndex: 'since',
      width: 150,
      render: (since: string) => formatDateTime(since),
      sorter: (a, b) => a.since.localeCompare(b.since),
    },
    {
      title: '办理期限',
      dataIndex: 'deadline',
      width: 260,
      render: (deadline: string | null, task) => (
        <span>
          <Typography.Text type={task.overdue ? 'danger' : undefined}>{formatDeadline(deadline)}</Typography.Text>{' '}
          <OverdueTag overdue={task.overdue} />
        </span>
      ),
    },
  ];
}

/** The lists awaiting the user's action; overdue ones first (the server's order). */
export function TasksTable({ tasks, forDrafter, loading }: TasksTableProps) {
  return (
    <Table<Task>
      rowKey="listId"
      columns={buildColumns(forDrafter)}
      dataSource={tasks}
      loading={loading}
      bordered
      size="middle"
      locale={{ emptyText: '暂无待办，所有清单都不需要您处理' }}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 项待办` }}
      onRow={(task): RowAttributes => ({ 'data-testid': 'task-row', 'data-list-id': task.listId })}
      data-testid="tasks-table"
    />
  );
}
