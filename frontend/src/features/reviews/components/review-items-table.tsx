import { Button, Space, Table, Typography } from 'antd';
import type { GetRef, TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef, type HTMLAttributes } from 'react';
import type { ListTable, ReviewItem, ReviewLevel } from '@dutylist/shared';
import { ThreadsButton } from '@/features/comments/components/threads-button';
import { ChangeBadge } from './change-badge';
import { DecisionTags } from './decision-tags';
import { LineClamp } from './line-clamp';
import { decisionOf } from './review-item-filters';

export interface ReviewRowActions {
  onApprove: (item: ReviewItem) => void;
  onReturn: (item: ReviewItem) => void;
  onSuggest: (item: ReviewItem) => void;
  onThreads: (item: ReviewItem) => void;
  onHistory: (item: ReviewItem) => void;
}

export interface ReviewItemsTableProps {
  listId: string;
  table: ListTable;
  /** The rows to show (filtered), sorted by 序号. */
  items: ReviewItem[];
  level: ReviewLevel;
  canDecide: boolean;
  selectable: boolean;
  selectedIds: readonly string[];
  onSelectedChange: (ids: string[]) => void;
  focusedId: string | null;
  onFocus: (itemId: string) => void;
  /** Height of the scrolling body: only the rows in view are rendered (antd's virtual table). */
  scrollY: number;
  /** The round a carried-over approval comes from. */
  carriedFromRound: number | null;
  /** The item whose approval is being sent. */
  approvingId: string | null;
  emptyText: string;
  actions: ReviewRowActions;
}

function Clamp({ text, rows = 3 }: { text: string; rows?: number }) {
  if (!text) return <Typography.Text type="secondary">—</Typography.Text>;
  return <LineClamp text={text} rows={rows} />;
}

function contentColumns(table: ListTable): TableColumnsType<ReviewItem> {
  const columns: TableColumnsType<ReviewItem> = [
    { title: '序号', key: 'seq', width: 64, align: 'center', render: (_, row) => row.item.seq },
    {
      title: '事项类别',
      key: 'category',
      width: 110,
      render: (_, row) => row.item.category ?? <Typography.Text type="secondary">未分类</Typography.Text>,
    },
    { title: '事项名称', key: 'name', render: (_, row) => <Clamp text={row.item.name} /> },
  ];
  if (table === 'cooperative') {
    columns.push(
      {
        title: '对应上级部门',
        key: 'departments',
        width: 150,
        render: (_, row) => <Clamp text={row.item.departments.join('、')} rows={2} />,
      },
      { title: '乡镇配合职责', key: 'townshipDuties', render: (_, row) => <Clamp text={row.item.townshipDuties} /> },
    );
  }
  if (table === 'revoked') {
    columns.push({
      title: '承接部门及工作方式',
      key: 'undertaker',
      render: (_, row) => <Clamp text={row.item.undertaker} />,
    });
  }
  return columns;
}

/** The items of one table in the round, with what changed, every level's decision and the reviewer's buttons. */
export function ReviewItemsTable({
  listId,
  table,
  items,
  level,
  canDecide,
  selectable,
  selectedIds,
  onSelectedChange,
  focusedId,
  onFocus,
  scrollY,
  carriedFromRound,
  approvingId,
  emptyText,
  actions,
}: ReviewItemsTableProps) {
  const columns = useMemo<TableColumnsType<ReviewItem>>(
    () => [
      ...contentColumns(table),
      { title: '变化', key: 'change', width: 150, render: (_, row) => <ChangeBadge item={row} /> },
      {
        title: '审核意见',
        key: 'decisions',
        width: 220,
        render: (_, row) => <DecisionTags decisions={row.decisions} carriedFromRound={carriedFromRound} />,
      },
      {
        title: '操作',
        key: 'actions',
        width: canDecide ? 250 : 130,
        fixed: 'right',
        render: (_, row) => {
          const mine = decisionOf(row, level);
          return (
            <Space size={0} wrap onClick={(event) => event.stopPropagation()}>
              {canDecide && (
                <>
                  <Button
                    type="link"
                    size="small"
                    title={mine?.decision === 'approved' ? '已通过' : '通过（快捷键 a）'}
                    style={{ paddingInline: 4, color: mine?.decision === 'approved' ? undefined : '#389e0d' }}
                    disabled={mine?.decision === 'approved'}
                    loading={approvingId === row.item.id}
                    onClick={() => actions.onApprove(row)}
                    data-testid="decide-approve"
                  >
                    通过
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    danger
                    style={{ paddingInline: 4 }}
                    onClick={() => actions.onReturn(row)}
                    data-testid="decide-return"
                  >
                    退回
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    style={{ paddingInline: 4, color: '#d46b08' }}
                    onClick={() => actions.onSuggest(row)}
                    data-testid="decide-suggest"
                  >
                    建议修改
                  </Button>
                </>
              )}
              <ThreadsButton
                listId={listId}
                itemId={row.item.id}
                total={row.threads}
                open={row.openThreads}
                onOpen={() => actions.onThreads(row)}
              />
              <Button
                type="link"
                size="small"
                style={{ paddingInline: 4 }}
                onClick={() => actions.onHistory(row)}
                data-testid="history-open"
              >
                历史
              </Button>
            </Space>
          );
        },
      },
    ],
    [table, listId, level, canDecide, carriedFromRound, approvingId, actions],
  );

  // Keep the focused row in view (j/k, or an item shown from elsewhere); 'auto' scrolls only when needed.
  const tableRef = useRef<GetRef<typeof Table>>(null);
  useEffect(() => {
    if (!focusedId) return;
    const config: Parameters<GetRef<typeof Table>['scrollTo']>[0] & { align: 'auto' } = {
      key: focusedId,
      align: 'auto',
    };
    tableRef.current?.scrollTo(config);
  }, [focusedId, table]);

  return (
    <Table<ReviewItem>
      ref={tableRef}
      rowKey={(row) => row.item.id}
      columns={columns}
      dataSource={items}
      size="small"
      bordered
      tableLayout="fixed"
      virtual
      scroll={{ x: table === 'cooperative' ? 1400 : 1100, y: scrollY }}
      locale={{ emptyText }}
      rowClassName={(row) => (row.item.id === focusedId ? 'review-row-focused' : '')}
      onRow={(row) =>
        ({
          'data-testid': 'review-row',
          'data-item-id': row.item.id,
          onClick: () => onFocus(row.item.id),
        }) as HTMLAttributes<HTMLElement>
      }
      rowSelection={
        selectable
          ? {
              selectedRowKeys: [...selectedIds],
              preserveSelectedRowKeys: true,
              onChange: (keys) => onSelectedChange(keys.map(String)),
              columnWidth: 40,
              fixed: true,
            }
          : undefined
      }
      pagination={false}
    />
  );
}
