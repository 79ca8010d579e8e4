import { App, Button, Flex, Input, Space, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { LIST_TABLES, LIST_TABLE_SHORT_LABELS, type Item, type ListTable } from '@dutylist/shared';
import { ErrorState } from '@/components/error-state';
import { PageLoading } from '@/components/page-loading';
import { isApiError } from '@/lib/api-client';
import { useDeleteItem, useReorderItems } from '../hooks/use-item-mutations';
import { useItems } from '../hooks/use-items';
import { ItemDetailDrawer } from './item-detail-drawer';
import { matchesSearch } from './item-fields';
import { ItemFormModal, type ItemFormTarget } from './item-form-modal';
import { ItemsTable, type ItemsTableActions } from './items-table';
import { MoveItemModal } from './move-item-modal';

export interface ItemsPanelProps {
  listId: string;
  canEdit: boolean;
  /** More buttons beside 新增事项 (the app puts 导入文档 there). */
  toolbarExtra?: ReactNode;
}

/** The three tables of a list as tabs, with search and (when allowed) editing. */
export function ItemsPanel({ listId, canEdit, toolbarExtra }: ItemsPanelProps) {
  const { message } = App.useApp();
  const itemsQuery = useItems(listId);
  const { mutateAsync: deleteItem } = useDeleteItem(listId);
  const { mutate: reorderItems, isPending: reordering } = useReorderItems(listId);
  const [activeTable, setActiveTable] = useState<ListTable>('basic');
  const [search, setSearch] = useState('');
  const [formTarget, setFormTarget] = useState<ItemFormTarget | null>(null);
  const [movingItem, setMovingItem] = useState<Item | null>(null);
  const [viewingItem, setViewingItem] = useState<Item | null>(null);

  const groups = itemsQuery.data;
  const query = search.trim();
  const filtered = useMemo(() => {
    if (!groups) return null;
    const result = {} as Record<ListTable, Item[]>;
    for (const table of LIST_TABLES) result[table] = groups[table].filter((item) => matchesSearch(item, query));
    return result;
  }, [groups, query]);

  const onDelete = useCallback(
    async (item: Item) => {
      try {
        await deleteItem({ itemId: item.id, version: item.version });
        message.success('已删除事项');
      } catch (error) {
        message.error(isApiError(error) ? error.message : '删除失败，请稍后重试');
      }
    },
    [deleteItem, message],
  );

  const onShift = useCallback(
    (item: Item, direction: -1 | 1) => {
      if (!groups) return;
      const ids = groups[item.table].map((it) => it.id);
      const from = ids.indexOf(item.id);
      const to = from + direction;
      if (from < 0 || to < 0 || to >= ids.length) return;
      [ids[from], ids[to]] = [ids[to], ids[from]];
      reorderItems(
        { table: item.table, itemIds: ids },
        { onError: (error) => void message.error(isApiError(error) ? error.message : '调整顺序失败，请稍后重试') },
      );
    },
    [groups, reorderItems, message],
  );

  const actions = useMemo<ItemsTableActions>(
    () => ({
      onView: setViewingItem,
      onEdit: (item) => setFormTarget({ mode: 'edit', item }),
      onMove: setMovingItem,
      onDelete,
      onShift,
    }),
    [onDelete, onShift],
  );

  if (itemsQuery.isPending) return <PageLoading tip="正在加载事项…" />;
  if (itemsQuery.isError) return <ErrorState error={itemsQuery.error} onRetry={() => void itemsQuery.refetch()} />;
  if (!groups || !filtered) return null;

  const tabLabel = (table: ListTable) => {
    const total = groups[table].length;
    const count = query ? `${filtered[table].length}/${total}` : String(total);
    return <span data-testid={`tab-${table}`}>{`${LIST_TABLE_SHORT_LABELS[table]} (${count})`}</span>;
  };

  return (
    <div data-testid="items-panel">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          placeholder="按事项名称或类别搜索"
          style={{ maxWidth: 360 }}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={setSearch}
          data-testid="items-search"
        />
        {canEdit ? (
          <Space>
            {toolbarExtra}
            <Button
              type="primary"
              onClick={() => setFormTarget({ mode: 'create', table: activeTable })}
              data-testid="item-create"
            >
              新增事项
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary" data-testid="read-only-hint">
            当前阶段或角色不可编辑，仅供查看
          </Typography.Text>
        )}
      </Flex>
      <Tabs
        activeKey={activeTable}
        onChange={(key) => setActiveTable(key as ListTable)}
        items={LIST_TABLES.map((table) => ({
          key: table,
          label: tabLabel(table),
          children: (
            <ItemsTable
              table={table}
              items={filtered[table]}
              allItems={groups[table]}
              canEdit={canEdit}
              reorderDisabled={query !== '' || reordering}
              filterKey={query}
              loading={itemsQuery.isFetching && !itemsQuery.isPending}
              actions={actions}
            />
          ),
        }))}
      />
      {formTarget && <ItemFormModal listId={listId} target={formTarget} onClose={() => setFormTarget(null)} />}
      {movingItem && <MoveItemModal listId={listId} item={movingItem} onClose={() => setMovingItem(null)} />}
      <ItemDetailDrawer item={viewingItem} onClose={() => setViewingItem(null)} />
    </div>
  );
}
