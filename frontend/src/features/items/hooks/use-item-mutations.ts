import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateItemRequest, MoveItemRequest, ReorderItemsRequest, UpdateItemRequest } from '@dutylist/shared';
import { listKeys } from '@/features/lists/api/list-keys';
import { createItem, deleteItem, moveItem, reorderItems, updateItem } from '../api/item-mutations';
import { itemKeys } from '../api/item-keys';

/**
 * After any change (successful or not: a conflict means our copy is stale) refetch the items
 * and the list summaries (their counts and updatedAt change too).
 */
function useInvalidateListData(listId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: itemKeys.byList(listId) }),
      queryClient.invalidateQueries({ queryKey: listKeys.all }),
    ]);
}

export function useCreateItem(listId: string) {
  const invalidate = useInvalidateListData(listId);
  return useMutation({
    mutationFn: (body: CreateItemRequest) => createItem(listId, body),
    onSettled: invalidate,
  });
}

export function useUpdateItem(listId: string) {
  const invalidate = useInvalidateListData(listId);
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: UpdateItemRequest }) => updateItem(listId, itemId, body),
    onSettled: invalidate,
  });
}

export function useMoveItem(listId: string) {
  const invalidate = useInvalidateListData(listId);
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: MoveItemRequest }) => moveItem(listId, itemId, body),
    onSettled: invalidate,
  });
}

export function useReorderItems(listId: string) {
  const invalidate = useInvalidateListData(listId);
  return useMutation({
    mutationFn: (body: ReorderItemsRequest) => reorderItems(listId, body),
    onSettled: invalidate,
  });
}

export function useDeleteItem(listId: string) {
  const invalidate = useInvalidateListData(listId);
  return useMutation({
    mutationFn: ({ itemId, version }: { itemId: string; version: number }) => deleteItem(listId, itemId, version),
    onSettled: invalidate,
  });
}
