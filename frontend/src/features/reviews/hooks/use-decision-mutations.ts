import { useMutation } from '@tanstack/react-query';
import type { BulkDecideRequest, DecideItemRequest } from '@dutylist/shared';
import { bulkDecide, decideItem } from '../api/decisions';
import { useInvalidateListCycle } from '@/features/lists/hooks/use-invalidate-list-cycle';

export function useDecideItem(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: DecideItemRequest }) => decideItem(listId, itemId, body),
    onSettled: invalidate,
  });
}

export function useBulkDecide(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({
    mutationFn: (body: BulkDecideRequest) => bulkDecide(listId, body),
    onSettled: invalidate,
  });
}
