import { Button, Popconfirm, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { Item, ListTable } from '@dutylist/shared';

export interface ItemsTableActions {
  onView: (item: Item) => void;
  onEdit: (item: Item) => void;
  onMove: (item: Item) => void;
  onDelete: (item: Item) => Promise<unknown>;
  onShift: (item: Item, direction: -1 | 1) => void;
}

export interface ItemsTableProps {
  table: ListTable;
  /** The items to show (possibly filtered), sorted by 序号. */
  items: Item[];
  /** Every item of the table, sorted by 序号: the bounds for moving up and down. */
  allItems: Item[];
  canEdit: boolean;
  /** Reordering is off while searching or while a change is being saved. */
  reorderDisabled?: boolean;
  /** Resets to the first page when it changes. */
  filterKey?: string;
  loading?: boolean;
  actions: ItemsTableActions;
}

function LongText({ text }: { text: string }) {
  if (!text) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Paragraph
      style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
      ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (expanded: boolean) => (expanded ? '收起' : '展开') }}
    >
      {text}
    </Typography.Paragraph>
  );
}

function buildColumns(table: ListTable): TableColumnsType<Item> {
  const common: TableColumnsType<Item> = [
    { title: '序号', dataIndex: 'seq', key: 'seq', width: 72, align: 'center' },
    {
      title: '事项类别',
      dataIndex: 'category',
      key: 'category',
      width: 120,
      render: (category: Item['category']) => category ?? <Typography.Text type="secondary">未分类</Typography.Text>,
    },
    {
      title: '事项名称',
      dataIndex: 'name',
      key: 'name',
      width: table === 'basic' ? undefined : 240,
      render: (name: string) => <LongText text={name} />,
    },
  ];
  if (table === 'cooperative') {
    return [
      ...common,
      {
        title: '对应上级部门',
        dataIndex: 'departments',
        key: 'departments',
        width: 160,
        render: (departments: string[]) => <LongText text={departments.join('、')} />,
      },
      {
        title: '上级部门职责',
        dataIndex: 'upperDuties',
        key: 'upperDuties',
        render: (text: string) => <LongText text={text} />,
      },
      {
        title: '乡镇配合职责',
        dataIndex: 'townshipDuties',
        key: 'townshipDuties',
        render: (text: string) => <LongText text={text} />,
      },
    ];
  }
  if (table === 'revoked') {
    return [
      ...common,
      {
        title: '承接部门及工作方式',
        dataIndex: 'undertaker',
        key: 'undertaker',
        render: (text: string) => <LongText text={text} />,
      },
    ];
  }
  return common;
}

/** One of the three tables of a list, in the column layout of the printed document. */
export function ItemsTable({
  table,
  items,
  allItems,
  canEdit,
  reorderDisabled,
  filterKey = '',
  loading,
  actions,
}: ItemsTableProps) {
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [lastFilterKey, setLastFilterKey] = useState(filterKey);
  if (filterKey !== lastFilterKey) {
    setLastFilterKey(filterKey);
    setPage((previous) => ({ ...previous, current: 1 }));
  }

  const columns = useMemo<TableColumnsType<Item>>(() => {
    const positions = new Map(allItems.map((item, index) => [item.id, index]));
    const actionColumn: TableColumnsType<Item>[number] = {
      title: '操作',
      key: 'actions',
      width: canEdit ? 190 : 80,
      fixed: 'right',
      render: (_, item) => {
        const index = positions.get(item.id) ?? -1;
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => actions.onView(item)} data-testid="item-view">
              详情
            </Button>
            {canEdit && (
              <>
                <Button type="link" size="small" onClick={() => actions.onEdit(item)} data-testid="item-edit">
                  编辑
                </Button>
                <Button type="link" size="small" onClick={() => actions.onMove(item)} data-testid="item-move">
                  移动到…
                </Button>
                <Popconfirm
                  title="确定删除该事项？"
                  description="删除后不可恢复。"
                  okText="删除"
                  okButtonProps={{ danger: true, 'data-testid': 'item-delete-confirm' }}
                  cancelText="取消"
                  onConfirm={() => actions.onDelete(item)}
                >
                  <Button type="link" size="small" danger data-testid="item-delete">
                    删除
                  </Button>
                </Popconfirm>
                <Tooltip title={reorderDisabled ? '清空搜索后可调整顺序' : '上移'}>
                  <Button
                    type="text"
                    size="small"
                    aria-label="上移"
                    disabled={reorderDisabled || index <= 0}
                    onClick={() => actions.onShift(item, -1)}
                    data-testid="item-up"
                  >
                    ↑
                  </Button>
                </Tooltip>
                <Tooltip title={reorderDisabled ? '清空搜索后可调整顺序' : '下移'}>
                  <Button
                    type="text"
                    size="small"
                    aria-label="下移"
                    disabled={reorderDisabled || index < 0 || index >= allItems.length - 1}
                    onClick={() => actions.onShift(item, 1)}
                    data-testid="item-down"
                  >
                    ↓
                  </Button>
                </Tooltip>
              </>
            )}
          </Space>
        );
      },
    };
    return [...buildColumns(table), actionColumn];
  }, [table, allItems, canEdit, reorderDisabled, actions]);

  return (
    <div data-testid={`items-table-${table}`}>
      <Table<Item>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={loading}
        bordered
        size="middle"
        tableLayout="fixed"
        scroll={{ x: table === 'cooperative' ? 1280 : 900 }}
        locale={{ emptyText: filterKey ? '没有匹配的事项' : '暂无事项' }}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 条`,
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
      />
    </div>
  );
}
