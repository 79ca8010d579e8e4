import { useMutation } from '@tanstack/react-query';
import type { CreateItemRequest, MoveItemRequest, ReorderItemsRequest, UpdateItemRequest } from '@dutylist/shared';
import { useInvalidateListCycle } from '@/features/lists/hooks/use-invalidate-list-cycle';
import { createItem, deleteItem, moveItem, reorderItems, updateItem } from '../api/item-mutations';

/*
 * After any change (successful or not: a conflict means our copy is stale) refetch the items, the
 * list summaries (their counts and updatedAt change too) and the list's review state (an edit settles
 * a returned item) with the tasks that count it.
 */
export function useCreateItem(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({
    mutationFn: (body: CreateItemRequest) => createItem(listId, body),
    onSettled: invalidate,
  });
}

export function useUpdateItem(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: UpdateItemRequest }) => updateItem(listId, itemId, body),
    onSettled: invalidate,
  });
}

export function useMoveItem(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: MoveItemRequest }) => moveItem(listId, itemId, body),
    onSettled: invalidate,
  });
}

export function useReorderItems(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({
    mutationFn: (body: ReorderItemsRequest) => reorderItems(listId, body),
    onSettled: invalidate,
  });
}

export function useDeleteItem(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({
    mutationFn: ({ itemId, version }: { itemId: string; version: number }) => deleteItem(listId, itemId, version),
    onSettled: invalidate,
  });
}
