import { useQuery } from '@tanstack/react-query';
import { LIST_TABLES, type Item, type ListItemsResponse, type ListTable } from '@dutylist/shared';
import { getItems } from '../api/get-items';
import { itemKeys } from '../api/item-keys';

export type ItemsByTable = Record<ListTable, Item[]>;

/** Splits the items of a list into its three tables, each sorted by 序号. */
export function groupItemsByTable(items: readonly Item[]): ItemsByTable {
  const groups = Object.fromEntries(LIST_TABLES.map((table) => [table, [] as Item[]])) as ItemsByTable;
  for (const item of items) groups[item.table]?.push(item);
  for (const table of LIST_TABLES) groups[table].sort((a, b) => a.seq - b.seq);
  return groups;
}

const selectGroups = (response: ListItemsResponse): ItemsByTable => groupItemsByTable(response.items);

export function useItems(listId: string) {
  return useQuery({
    queryKey: itemKeys.byList(listId),
    queryFn: ({ signal }) => getItems(listId, signal),
    select: selectGroups,
  });
}
